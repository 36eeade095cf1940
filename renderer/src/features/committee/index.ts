export { CommitteeArea } from './CommitteeArea';
export { isCommitteeRole, ROLE_OPTIONS } from './roles';
