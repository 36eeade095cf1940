import { quoteOf } from '../../../../shared/anchoring';
import type { Version } from '../../../../shared/model';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { ANNOTATE_SHORTCUT, shortQuote } from '../annotations';
import { useCompareMode, useReviewData } from '../workspace';
import type { RepointAttach } from './useRepointAttach';
import './compare.css';

/** Above the text while an annotation waits to be re-pointed: what to do, the words it was on, and a way out. */
export function RepointBar({ version, repoint }: { version: Version; repoint: RepointAttach }) {
  const { annotations, versions } = useReviewData();
  const { repointing } = useCompareMode();
  if (!repointing) return null;
  const annotation = annotations.get(repointing.annotationId);
  const on = versions.find((v) => v.id === repointing.versionId);
  return (
    <>
      <Banner
        tone="info"
        className="repoint-bar"
        title="Re-pointing an annotation"
        actions={
          <Button size="sm" onClick={repoint.cancel}>
            Cancel re-pointing
          </Button>
        }
      >
        {repoint.active ? (
          <p>
            Select the words in {version.label} this annotation belongs to, then choose <strong>Attach here</strong> or
            press <kbd>{ANNOTATE_SHORTCUT.label}</kbd>.
          </p>
        ) : (
          <p>The annotation is on version {on?.label ?? 'another version'}: show that version to attach it.</p>
        )}
        {annotation && (
          <p className="repoint-quote">It was on: “{shortQuote(quoteOf(annotation.target).exact, 200)}”</p>
        )}
      </Banner>
      {repoint.error && (
        <Banner tone="error" title="The annotation was not re-attached">
          {repoint.error}
        </Banner>
      )}
    </>
  );
}
