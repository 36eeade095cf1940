// The lookup lives with the services, which print reports with the same Chromium; the browser host re-exports it.
export { chromiumArgs, findChromium } from '../services/report/find-chromium';
