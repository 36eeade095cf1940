export { CommitteeArea } from './CommitteeArea';
export { isCommitteeRole, ROLE_LABELS, ROLE_OPTIONS } from './roles';
