export { DocumentArea } from './DocumentArea';
