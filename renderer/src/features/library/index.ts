// The library's styles, the screen's included, come with the parts the app shell builds it from.
import './library.css';

export { CreateReviewForm } from './CreateReviewForm';
export { DeleteReviewDialog } from './DeleteReviewDialog';
export { RenameReviewDialog } from './RenameReviewDialog';
export { ReviewCard } from './ReviewCard';
export { SampleReviewButton, SampleReviewStatus } from './SampleReviewButton';
export { useSampleReview } from './useSampleReview';
export { titleProblem } from './reviewTitle';
