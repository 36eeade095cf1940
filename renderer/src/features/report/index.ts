export { ReportArea } from './ReportArea';
