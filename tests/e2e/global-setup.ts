import { startProduct } from "../fakes/product";

export default async function globalSetup() {
  const product = await startProduct({ CERTWATCH_MIN_INTERVAL_SECONDS: "1" });
  process.env.CERTWATCH_E2E_BASE_URL = product.baseUrl;
  process.env.CERTWATCH_E2E_DATA_DIR = product.dataDir;
  return async () => {
    await product.stop();
  };
}
