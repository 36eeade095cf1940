export { DisagreementList } from './DisagreementList';
export { membersDisagree } from './disagreement';
export { MemberVotes } from './MemberVotes';
export { useVersionVotes } from './useVersionVotes';
import './votes.css';
