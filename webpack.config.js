/*
 * Webpack build of the add-in: one page (taskpane.html) that loads the task pane AND the custom
 * functions in one shared runtime, so both entries share one webpack runtime (runtimeChunk "single";
 * spec office-addin.md §1.4) and therefore one copy of every module (caches, state).
 *
 *   npm run build         production build into dist/ (office.js from Microsoft's CDN)
 *   npm run build:test    production build with a local office.js copy, for the offline browser tests
 *   npm run dev-server    https://localhost:3000 (dev certificates from office-addin-dev-certs if present)
 *
 * Switches (environment variable or `--env name=value`):
 *   OFFICE_JS=cdn|cn|local   where taskpane.html loads office.js from: Microsoft's CDN (default, required
 *                            for Marketplace), the 21Vianet CDN (Office 365 operated in China), or a copy
 *                            of @microsoft/office-js/dist in dist/office-js/ (offline tests ONLY).
 *   ADDIN_PROD_URL=https://host/path/   production builds rewrite https://localhost:3000/ in the copied
 *                            manifest.xml to this URL (unset: the manifest keeps the dev URLs).
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

const DEV_URL = "https://localhost:3000/";
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
  const prodUrl = env.addinProdUrl || process.env.ADDIN_PROD_URL;
  if (prodUrl && !/^https:\/\/[^/]+(\/.*)?\/$/.test(prodUrl))
    throw new Error(`ADDIN_PROD_URL must be an https URL ending in "/", got "${prodUrl}"`);

  const copyPatterns = [
    { from: "assets/*.png", to: "assets/[name][ext]" },
    {
      from: "manifest.xml",
      to: "manifest.xml",
      transform(content) {
        return !dev && prodUrl ? content.toString().replaceAll(DEV_URL, prodUrl) : content;
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
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js", // the manifest references functions.js by name
      clean: { keep: /\.worker\.js$/ },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
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
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: false },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: { rules: [tsRule] },
    performance: page.performance,
  };

  return [page, worker];
};
