/*
 * Webpack build of the add-in: one page (taskpane.html) that loads the task pane AND the custom
 * functions in one shared runtime, so both entries share one webpack runtime (runtimeChunk "single";
 * spec office-addin.md §1.4) and therefore one copy of every module (caches, state). A second page,
 * app.html, is the standalone web app (the same steps over a file from disk, no Office).
 *
 *   npm run build -- --env publicUrl=https://intranet.example/citypanel/
 *                         production build into dist/ for that host (office.js from Microsoft's CDN)
 *   npm run build:test    production build with a local office.js copy, for the offline browser tests
 *   npm run dev-server    https://localhost:3000 (dev certificates from office-addin-dev-certs if present)
 *
 * Switches (environment variable or `--env name=value`):
 *   OFFICE_JS=cdn|cn|local   where taskpane.html loads office.js from: Microsoft's CDN (default, required
 *                            for Marketplace), the 21Vianet CDN (Office 365 operated in China), or a copy
 *                            of @microsoft/office-js/dist in dist/office-js/ (offline tests ONLY).
 *   publicUrl / CITYPANEL_PUBLIC_URL=https://host/path/   where dist/ will be served: production builds
 *                            rewrite every https://localhost:3000/ URL of the copied manifest.xml to it
 *                            (scripts/webpack/manifestForHost.js; ADDIN_PROD_URL is accepted too). Unset,
 *                            dist/manifest.xml keeps the development URLs and the build says so.
 * The build needs no network.
 */
/* eslint-env node */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { X509Certificate } = require("crypto");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const LocalizedFunctionsPlugin = require("./scripts/webpack/localizedFunctionsPlugin");
const { manifestForHost, normalisePublicUrl } = require("./scripts/webpack/manifestForHost");

const OFFICE_JS = {
  cdn: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
  cn: "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js",
  local: "office-js/office.js",
};

/** HTTPS options for the dev server, read from office-addin-dev-certs' files without installing anything. */
function devServerHttps() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
  const paths = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(dir, f)]));
  if (Object.values(paths).every((p) => fs.existsSync(p))) {
    const options = Object.fromEntries(Object.entries(paths).map(([k, p]) => [k, fs.readFileSync(p)]));
    try {
      const validTo = new Date(new X509Certificate(options.cert).validTo);
      if (validTo < new Date())
        console.warn(`[dev-server] ${paths.cert} expired on ${validTo.toISOString()}; run: npx office-addin-dev-certs install --days 30`);
    } catch {
      /* unreadable certificate: let the server report it */
    }
    return { type: "https", options };
  }
  console.warn(
    `[dev-server] no developer certificates in ${dir}; serving https with a self-signed certificate that ` +
      "Office will not trust. To create trusted ones: npx office-addin-dev-certs install (needs sudo on Linux; " +
      "browsers on Linux also need the CA in NSS, see spec office-addin.md §4).",
  );
  return { type: "https" };
}

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const officeJs = String(env.officeJs || process.env.OFFICE_JS || "cdn").toLowerCase();
  if (!OFFICE_JS[officeJs]) throw new Error(`OFFICE_JS must be one of ${Object.keys(OFFICE_JS).join("|")}, got "${officeJs}"`);
  const given = env.publicUrl || process.env.CITYPANEL_PUBLIC_URL || env.addinProdUrl || process.env.ADDIN_PROD_URL;
  const prodUrl = given ? normalisePublicUrl(given) : null;
  if (!dev && !prodUrl && !env.WEBPACK_SERVE)
    console.warn("[build] no publicUrl: dist/manifest.xml points at https://localhost:3000/. For a server: npm run build -- --env publicUrl=https://host/path/");

  const copyPatterns = [
    { from: "assets/*.png", to: "assets/[name][ext]" },
    {
      from: "manifest.xml",
      to: "manifest.xml",
      transform(content) {
        return !dev && prodUrl ? manifestForHost(content.toString(), prodUrl) : content;
      },
    },
  ];
  if (officeJs === "local") {
    copyPatterns.push({
      from: path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist"),
      to: "office-js",
      globOptions: { ignore: ["**/*.debug.js", "**/*.d.ts", "**/office-vsdoc.js"] },
      info: { minimized: true }, // don't let Terser re-minify ~35 MB of office.js (spec §1.3)
    });
  }

  const tsRule = {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: "ts-loader",
      options: {
        transpileOnly: true, // type checking is `npm run typecheck`
        configFile: path.resolve(__dirname, "tsconfig.json"),
        compilerOptions: { module: "esnext", sourceMap: dev },
      },
    },
  };

  const page = {
    name: "page",
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
      // the standalone web app (app.html)
      webapp: "./src/webapp/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js", // the manifest references functions.js by name
      clean: { keep: /\.worker\.js$/ },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      // the web app parses CSV in the browser: csv-parse's self-contained browser build (no Node Buffer)
      alias: { "csv-parse/sync$": path.resolve(__dirname, "node_modules/csv-parse/dist/esm/sync.js") },
    },
    module: { rules: [tsRule] },
    optimization: {
      runtimeChunk: "single",
    },
    performance: {
      hints: dev ? false : "warning",
      maxAssetSize: 1024 * 1024,
      maxEntrypointSize: 1536 * 1024,
      assetFilter: (name) => name.endsWith(".js") && !name.startsWith("office-js/"),
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        input: "./src/functions/functions.ts",
        output: "functions.json",
      }),
      new LocalizedFunctionsPlugin({
        metadata: "functions.json",
        translations: { "zh-CN": "src/functions/i18n/zh-CN.json" },
        allowErrorForDataTypeAny: true,
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["runtime", "taskpane", "functions"],
        chunksSortMode: "manual",
        officeJsUrl: OFFICE_JS[officeJs],
      }),
      new HtmlWebpackPlugin({
        filename: "app.html",
        template: "./src/webapp/app.html",
        chunks: ["runtime", "webapp"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({ patterns: copyPatterns }),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
      static: false,
      // only resolve certificates when actually serving, so builds never touch them
      server: env.WEBPACK_SERVE ? devServerHttps() : "https",
    },
  };

  // The task pane's study worker (src/taskpane/worker/study.worker.ts): a separate build with a
  // worker target and its own runtime, so the page keeps runtimeChunk "single" (one runtime for
  // the pane and the functions) and the worker is one self-contained file, study.worker.js,
  // that the pane starts with new Worker("study.worker.js"). Built after the page (which cleans dist/).
  const worker = {
    name: "worker",
    dependencies: ["page"],
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    target: "webworker",
    entry: {
      "study.worker": "./src/taskpane/worker/study.worker.ts",
      // the custom functions' worker (FEREG, IV2SLS), started by src/functions/worker/client.ts
      "functions.worker": "./src/functions/worker/functions.worker.ts",
    },
    // chunkFilename: exceljs, which only the web app's workbook needs, loads on demand
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", chunkFilename: "[name].chunk.worker.js", clean: false },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: { rules: [tsRule] },
    performance: page.performance,
  };

  return [page, worker];
};
