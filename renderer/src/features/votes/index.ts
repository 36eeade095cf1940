export { DisagreementList } from './DisagreementList';
export { MemberVotes } from './MemberVotes';
export { useVersionVotes } from './useVersionVotes';
import './votes.css';
