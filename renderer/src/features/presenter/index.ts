export { PresenterView } from './PresenterView';
