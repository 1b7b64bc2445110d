/**
 * The 19 urban agglomerations (城市群) of the paper and the 196 prefecture-level member
 * cities used by the synthetic sample panel.
 *
 * Stage (发展阶段) and spatial structure (空间结构) follow the paper exactly:
 *   stage 1 = optimise (优化提升): 京津冀, 长三角, 珠三角, 成渝, 长江中游
 *   stage 2 = expand (发展壮大): 山东半岛, 粤闽浙沿海, 中原, 关中平原, 北部湾
 *   stage 3 = cultivate (培育发展): the other nine
 *   structure 1 = polycentric (多中心): 长三角, 珠三角, 山东半岛, 宁夏沿黄, 呼包鄂榆,
 *     海峡西岸 (= 粤闽浙沿海), 哈长, 辽中南, 黔中; 0 = monocentric (the other ten).
 *
 * Members are real prefecture-level cities of each agglomeration's plan. As in the paper
 * (note ①), cities without complete statistics are left out (衡水, 邢台, 邯郸, 济源, 运城,
 * 儋州, the county-level 仙桃/潜江/天门, …), and a city claimed by two plans is listed once.
 * Four western agglomerations keep ≤ 3 cities (黔中 3, 滇中 2, 兰州—西宁 2, 天山北坡 2 = 9
 * cities), so Table 5's "drop agglomerations with ≤ 3 cities" leaves 187 × 14 = 2,618 rows.
 *
 * The first city of each list is the agglomeration's primate city (首位城市), the reference
 * of the three "ratio to the primate city" indicators.
 *
 * Per city: Chinese name, English (pinyin) name — disambiguated where two cities share a
 * romanisation — a tier from 1 (national centre) to 5 (small prefecture) that drives the
 * synthetic city effects, whether the city is on the sea coast (drives dist_port) and, for a
 * few national innovation centres, a small head start ("lead"). Per agglomeration: a typical
 * inland distance to the nearest coastal port, a typical population density and the relative
 * strength of the digital-technology effect. These are rough orders of magnitude and design
 * choices for a synthetic panel, not statistics.
 */
export interface CityDef {
  readonly zh: string;
  readonly en: string;
  readonly tier: 1 | 2 | 3 | 4 | 5;
  readonly coastal: boolean;
  /**
   * Extra head start of a national innovation / digital centre (北京, 深圳, 上海, 杭州, …) on
   * the latent city scale and on its 1984 telephone density; 0 for most cities.
   */
  readonly lead: number;
}

export interface AgglomerationDef {
  readonly zh: string;
  readonly en: string;
  /** Other names of the same agglomeration (e.g. 海峡西岸 for 粤闽浙沿海). */
  readonly aliases: readonly { zh: string; en: string }[];
  readonly stage: 1 | 2 | 3;
  readonly structure: 0 | 1;
  /** Typical straight-line distance (km) from an inland member city to the nearest coastal port. */
  readonly inlandPortKm: number;
  /** Typical population density of the member cities (persons per km²). */
  readonly density: number;
  /**
   * Relative strength of the effect of digital technology on innovation in the agglomeration
   * (multiplies the common effect b0 of scripts/sample/dgp.ts). Chosen, with the data-generating
   * process fixed, by a search that made the paper's four one-at-a-time heterogeneity
   * interactions (Table 7) come out with the paper's signs on this panel.
   */
  readonly digitEffect: number;
  readonly cities: readonly CityDef[];
}

type Row = [zh: string, en: string, tier: 1 | 2 | 3 | 4 | 5, coastal?: "coast" | "", lead?: number];

function agg(
  zh: string, en: string, stage: 1 | 2 | 3, structure: 0 | 1, inlandPortKm: number, density: number, digitEffect: number, rows: Row[],
  aliases: { zh: string; en: string }[] = [],
): AgglomerationDef {
  return {
    zh, en, aliases, stage, structure, inlandPortKm, density, digitEffect,
    cities: rows.map(([czh, cen, tier, coast, lead]) => ({ zh: czh, en: cen, tier, coastal: coast === "coast", lead: lead ?? 0 })),
  };
}

export const AGGLOMERATIONS: readonly AgglomerationDef[] = [
  // ── stage 1: optimise (优化提升) ─────────────────────────────────────────────
  agg("京津冀", "Beijing-Tianjin-Hebei", 1, 0, 180, 500, 0.76, [
    ["北京", "Beijing", 1, "", 0.45], ["天津", "Tianjin", 2, "coast"], ["石家庄", "Shijiazhuang", 3],
    ["唐山", "Tangshan", 3, "coast"], ["秦皇岛", "Qinhuangdao", 4, "coast"], ["保定", "Baoding", 4],
    ["张家口", "Zhangjiakou", 5], ["承德", "Chengde", 5], ["沧州", "Cangzhou", 4, "coast"],
    ["廊坊", "Langfang", 4],
  ]),
  agg("长三角", "Yangtze River Delta", 1, 1, 220, 750, 1.05, [
    ["上海", "Shanghai", 1, "coast", 0.3], ["南京", "Nanjing", 2, "", 0.1], ["无锡", "Wuxi", 3],
    ["常州", "Changzhou", 3], ["苏州", "Suzhou", 2, "coast", 0.1], ["南通", "Nantong", 3, "coast"],
    ["盐城", "Yancheng", 4, "coast"], ["扬州", "Yangzhou", 4], ["镇江", "Zhenjiang", 4],
    ["泰州", "Taizhou (Jiangsu)", 4], ["杭州", "Hangzhou", 2, "", 0.25], ["宁波", "Ningbo", 2, "coast"],
    ["嘉兴", "Jiaxing", 4, "coast"], ["湖州", "Huzhou", 4], ["绍兴", "Shaoxing", 3],
    ["金华", "Jinhua", 4], ["舟山", "Zhoushan", 5, "coast"], ["台州", "Taizhou (Zhejiang)", 4, "coast"],
    ["合肥", "Hefei", 2], ["芜湖", "Wuhu", 4], ["马鞍山", "Ma'anshan", 5], ["铜陵", "Tongling", 5],
    ["安庆", "Anqing", 5], ["滁州", "Chuzhou", 5], ["池州", "Chizhou", 5], ["宣城", "Xuancheng", 5],
  ]),
  agg("珠三角", "Pearl River Delta", 1, 1, 80, 1200, 0.61, [
    ["广州", "Guangzhou", 1, "coast", 0.1], ["深圳", "Shenzhen", 1, "coast", 0.3], ["珠海", "Zhuhai", 3, "coast"],
    ["佛山", "Foshan", 3], ["江门", "Jiangmen", 4, "coast"], ["肇庆", "Zhaoqing", 5],
    ["惠州", "Huizhou", 4, "coast"], ["东莞", "Dongguan", 3, "coast"], ["中山", "Zhongshan", 4, "coast"],
  ]),
  agg("成渝", "Chengdu-Chongqing", 1, 0, 1300, 330, 1.45, [
    ["重庆", "Chongqing", 2], ["成都", "Chengdu", 2, "", 0.15], ["自贡", "Zigong", 5], ["泸州", "Luzhou", 5],
    ["德阳", "Deyang", 5], ["绵阳", "Mianyang", 4], ["遂宁", "Suining", 5], ["内江", "Neijiang", 5],
    ["乐山", "Leshan", 5], ["南充", "Nanchong", 5], ["眉山", "Meishan", 5], ["宜宾", "Yibin", 5],
    ["广安", "Guang'an", 5], ["达州", "Dazhou", 5], ["雅安", "Ya'an", 5], ["资阳", "Ziyang", 5],
  ]),
  agg("长江中游", "Middle Reaches of the Yangtze River", 1, 0, 780, 300, 1.03, [
    ["武汉", "Wuhan", 2, "", 0.1], ["黄石", "Huangshi", 5], ["鄂州", "Ezhou", 5], ["黄冈", "Huanggang", 5],
    ["孝感", "Xiaogan", 5], ["咸宁", "Xianning", 5], ["襄阳", "Xiangyang", 4], ["宜昌", "Yichang", 4],
    ["荆州", "Jingzhou", 5], ["荆门", "Jingmen", 5], ["长沙", "Changsha", 2], ["株洲", "Zhuzhou", 4],
    ["湘潭", "Xiangtan", 4], ["岳阳", "Yueyang", 4], ["益阳", "Yiyang", 5], ["常德", "Changde", 4],
    ["衡阳", "Hengyang", 4], ["娄底", "Loudi", 5], ["南昌", "Nanchang", 3], ["九江", "Jiujiang", 4],
    ["景德镇", "Jingdezhen", 5], ["鹰潭", "Yingtan", 5], ["新余", "Xinyu", 5], ["宜春", "Yichun", 5],
    ["萍乡", "Pingxiang", 5],
  ]),
  // ── stage 2: expand (发展壮大) ───────────────────────────────────────────────
  agg("山东半岛", "Shandong Peninsula", 2, 1, 160, 850, 0.30, [
    ["青岛", "Qingdao", 2, "coast"], ["济南", "Jinan", 2], ["淄博", "Zibo", 4], ["枣庄", "Zaozhuang", 5],
    ["东营", "Dongying", 4, "coast"], ["烟台", "Yantai", 3, "coast"], ["潍坊", "Weifang", 3, "coast"],
    ["济宁", "Jining", 4], ["泰安", "Tai'an", 4], ["威海", "Weihai", 4, "coast"], ["日照", "Rizhao", 5, "coast"],
    ["临沂", "Linyi", 4], ["德州", "Dezhou", 5], ["聊城", "Liaocheng", 5], ["滨州", "Binzhou", 5, "coast"],
    ["菏泽", "Heze", 5],
  ]),
  agg("粤闽浙沿海", "Guangdong-Fujian-Zhejiang Coast", 2, 1, 140, 480, 2.01, [
    ["福州", "Fuzhou", 3, "coast"], ["厦门", "Xiamen", 3, "coast"], ["莆田", "Putian", 5, "coast"],
    ["三明", "Sanming", 5], ["泉州", "Quanzhou", 3, "coast"], ["漳州", "Zhangzhou", 4, "coast"],
    ["南平", "Nanping", 5], ["龙岩", "Longyan", 5], ["宁德", "Ningde", 5, "coast"],
    ["温州", "Wenzhou", 3, "coast"], ["汕头", "Shantou", 4, "coast"], ["潮州", "Chaozhou", 5, "coast"],
    ["揭阳", "Jieyang", 5, "coast"],
  ], [{ zh: "海峡西岸", en: "West Taiwan Strait" }]),
  agg("中原", "Central Plains", 2, 0, 620, 950, 0.30, [
    ["郑州", "Zhengzhou", 2], ["开封", "Kaifeng", 5], ["洛阳", "Luoyang", 4], ["平顶山", "Pingdingshan", 5],
    ["新乡", "Xinxiang", 5], ["焦作", "Jiaozuo", 5], ["许昌", "Xuchang", 5], ["漯河", "Luohe", 5],
    ["商丘", "Shangqiu", 5], ["周口", "Zhoukou", 5], ["鹤壁", "Hebi", 5], ["安阳", "Anyang", 5],
    ["濮阳", "Puyang", 5], ["三门峡", "Sanmenxia", 5], ["南阳", "Nanyang", 4], ["信阳", "Xinyang", 5],
    ["驻马店", "Zhumadian", 5], ["长治", "Changzhi", 5], ["晋城", "Jincheng", 5],
  ]),
  agg("关中平原", "Guanzhong Plain", 2, 0, 900, 380, 0.55, [
    ["西安", "Xi'an", 2, "", 0.1], ["宝鸡", "Baoji", 5], ["咸阳", "Xianyang", 4], ["铜川", "Tongchuan", 5],
    ["渭南", "Weinan", 5], ["商洛", "Shangluo", 5], ["临汾", "Linfen", 5], ["天水", "Tianshui", 5],
    ["平凉", "Pingliang", 5], ["庆阳", "Qingyang", 5],
  ]),
  agg("北部湾", "Beibu Gulf", 2, 0, 150, 320, 1.42, [
    ["南宁", "Nanning", 3], ["北海", "Beihai", 5, "coast"], ["钦州", "Qinzhou", 5, "coast"],
    ["防城港", "Fangchenggang", 5, "coast"], ["玉林", "Yulin (Guangxi)", 5], ["崇左", "Chongzuo", 5],
    ["湛江", "Zhanjiang", 4, "coast"], ["茂名", "Maoming", 4, "coast"], ["阳江", "Yangjiang", 5, "coast"],
    ["海口", "Haikou", 4, "coast"],
  ]),
  // ── stage 3: cultivate (培育发展) ─────────────────────────────────────────────
  agg("哈长", "Harbin-Changchun", 3, 1, 560, 160, 1.08, [
    ["哈尔滨", "Harbin", 2], ["大庆", "Daqing", 4], ["齐齐哈尔", "Qiqihar", 5], ["绥化", "Suihua", 5],
    ["牡丹江", "Mudanjiang", 5], ["长春", "Changchun", 2], ["吉林", "Jilin", 4], ["四平", "Siping", 5],
    ["辽源", "Liaoyuan", 5], ["松原", "Songyuan", 5],
  ]),
  agg("辽中南", "Central-Southern Liaoning", 3, 1, 130, 300, 0.61, [
    ["沈阳", "Shenyang", 2], ["大连", "Dalian", 2, "coast"], ["鞍山", "Anshan", 4], ["抚顺", "Fushun", 5],
    ["本溪", "Benxi", 5], ["丹东", "Dandong", 5, "coast"], ["辽阳", "Liaoyang", 5], ["营口", "Yingkou", 5, "coast"],
    ["盘锦", "Panjin", 5, "coast"], ["铁岭", "Tieling", 5],
  ]),
  agg("山西中部", "Central Shanxi", 3, 0, 520, 260, 0.91, [
    ["太原", "Taiyuan", 3], ["晋中", "Jinzhong", 5], ["忻州", "Xinzhou", 5], ["吕梁", "Lvliang", 5],
    ["阳泉", "Yangquan", 5],
  ], [{ zh: "晋中", en: "Central Shanxi (Jinzhong)" }]),
  agg("黔中", "Central Guizhou", 3, 1, 760, 330, 0.72, [
    ["贵阳", "Guiyang", 3], ["遵义", "Zunyi", 4], ["安顺", "Anshun", 5],
  ]),
  agg("滇中", "Central Yunnan", 3, 0, 640, 240, 0.75, [
    ["昆明", "Kunming", 3], ["曲靖", "Qujing", 5],
  ]),
  agg("呼包鄂榆", "Hohhot-Baotou-Ordos-Yulin", 3, 1, 680, 70, 1.70, [
    ["呼和浩特", "Hohhot", 4], ["包头", "Baotou", 4], ["鄂尔多斯", "Ordos", 4], ["榆林", "Yulin (Shaanxi)", 5],
  ]),
  agg("兰州—西宁", "Lanzhou-Xining", 3, 0, 1450, 190, 0.30, [
    ["兰州", "Lanzhou", 3], ["西宁", "Xining", 4],
  ]),
  agg("宁夏沿黄", "Ningxia along the Yellow River", 3, 1, 1100, 150, 1.41, [
    ["银川", "Yinchuan", 4], ["石嘴山", "Shizuishan", 5], ["吴忠", "Wuzhong", 5], ["中卫", "Zhongwei", 5],
  ]),
  agg("天山北坡", "Northern Slope of the Tianshan Mountains", 3, 0, 2700, 60, 0.36, [
    ["乌鲁木齐", "Urumqi", 3], ["克拉玛依", "Karamay", 5],
  ]),
];

/** Years of the panel. */
export const FIRST_YEAR = 2008;
export const LAST_YEAR = 2021;
