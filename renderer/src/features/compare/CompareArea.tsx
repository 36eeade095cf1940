import { useEffect } from 'react';
import type { Version } from '../../../../shared/model';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { countOf } from '../../ui/format';
import { CompareIcon, DocumentIcon } from '../../ui/icons';
import { useCompareMode, useReviewData, useReviewNavigation } from '../workspace';
import { AnchorReviewList } from './AnchorReviewList';
import { CarryPanel } from './CarryPanel';
import { ChangeImpactList } from './ChangeImpactList';
import { ChangeSummary } from './ChangeSummary';
import { useComparison } from './ComparisonsProvider';
import { ComparisonView } from './ComparisonView';
import { OrphanedList } from './OrphanedList';
import { useVersionPair } from './useVersionPair';
import { VersionPairPicker } from './VersionPairPicker';
import './compare.css';

/**
 * Two versions of the policy compared: what changed, block by block and word by word; carrying the older
 * version's annotations to the newer one and checking those that moved or changed; and the criteria to re-check.
 */
export function CompareArea() {
  const { versions } = useReviewData();
  const { showArea } = useReviewNavigation();
  const { comparedPair, setComparedPair } = useCompareMode();
  const { from, to, setFrom, setTo } = useVersionPair(versions, comparedPair, setComparedPair);

  if (!from || !to) {
    return (
      <div className="area compare-area">
        <EmptyState
          icon={<CompareIcon size={28} />}
          title="Nothing to compare yet"
          actions={
            <Button variant="primary" icon={<DocumentIcon />} onClick={() => showArea('document')}>
              Go to the Document area
            </Button>
          }
        >
          <p>
            Comparing needs two versions of the policy; this review has {countOf(versions.length, 'version')}. Import
            the revised policy in the Document area.
          </p>
        </EmptyState>
      </div>
    );
  }

  return (
    <div className="area compare-area">
      <div className="area-toolbar">
        <div className="area-heading">
          <h2 className="area-title">Compare versions</h2>
          <p className="area-subtitle">
            What changed from the older version to the newer one; carry the annotations forward and re-check the
            criteria the change touches.
          </p>
        </div>
        <VersionPairPicker versions={versions} from={from} to={to} onFrom={setFrom} onTo={setTo} />
      </div>
      {from.id === to.id ? (
        <Banner tone="info" title="Choose two different versions">
          Both sides show “{from.label}”. Pick an older and a newer version to see what changed.
        </Banner>
      ) : (
        <VersionPairComparison key={`${from.id}>${to.id}`} from={from} to={to} />
      )}
    </div>
  );
}

/** One pair's comparison, the carry-forward and review lists beside it. */
function VersionPairComparison({ from, to }: { from: Version; to: Version }) {
  const { area } = useReviewNavigation();
  const { state, retry } = useComparison(from, to);
  const comparison = state.status === 'done' ? state.value : undefined;

  useEffect(() => {
    if (comparison) performance.mark('compare:shown');
  }, [comparison]);

  return (
    <div className="compare-layout">
      <div className="compare-main">
        {state.status === 'failed' && (
          <Banner
            tone="error"
            title="The versions could not be compared"
            actions={
              <Button size="sm" onClick={retry}>
                Try again
              </Button>
            }
          >
            {state.error.message}
          </Banner>
        )}
        {state.status === 'loading' && (
          <p className="loading-text" role="status">
            Comparing “{from.label}” with “{to.label}”…
          </p>
        )}
        {comparison && (
          <>
            <ChangeSummary counts={comparison.counts} />
            <ComparisonView comparison={comparison} from={from} to={to} active={area === 'compare'} />
          </>
        )}
      </div>
      <div className="compare-side">
        <CarryPanel from={from} to={to} />
        <AnchorReviewList to={to} />
        <OrphanedList to={to} />
        <ChangeImpactList from={from} to={to} after={state.status !== 'loading'} />
      </div>
    </div>
  );
}
