import { useEffect, useRef, useState } from 'react';
import { useWindowFileDropGuard } from '../features/import';
import { LibraryScreen } from './LibraryScreen';
import { ReviewScreen } from './ReviewScreen';
import { NameMissingBanner, SettingsDialog, useNameAtFirstWork } from '../features/settings';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { useApiQuery } from '../ui/useAsyncValue';
import { Sidebar } from './Sidebar';
import { useNavigation } from './useNavigation';

const APP_NAME = 'Policy Review Workstation';

/** The window: a sidebar, and the library or the open review beside it. */
export function App() {
  const settings = useApiQuery('settings.get', {});
  const info = useApiQuery('app.info', {});
  const { screen, showLibrary, showReview, retitleReview } = useNavigation();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [closeProblem, setCloseProblem] = useState<string>();
  const [hasOpenedReview, setHasOpenedReview] = useState(false);
  const settingsButtonRef = useRef<HTMLButtonElement>(null);
  useWindowFileDropGuard();
  const namePrompt = useNameAtFirstWork(settings.data, info.data?.computerUserName, (saved) =>
    settings.update(() => saved),
  );

  useEffect(() => {
    document.title = screen.name === 'review' ? `${screen.title} – ${APP_NAME}` : APP_NAME;
  }, [screen]);

  const nameMissing = settings.data !== undefined && !settings.data.user.name.trim();
  const appNotices = (
    <>
      {settings.error && (
        <Banner
          tone="error"
          title="Your settings could not be loaded"
          actions={
            <Button size="sm" onClick={settings.reload}>
              Try again
            </Button>
          }
        >
          {settings.error.message}
        </Banner>
      )}
      {info.error && (
        <Banner tone="error" title="The app could not reach its services">
          {info.error.message}
        </Banner>
      )}
    </>
  );

  return (
    <div className="app-shell">
      <Sidebar
        screen={screen}
        settings={settings.data}
        info={info.data}
        onShowLibrary={showLibrary}
        onOpenSettings={() => setSettingsOpen(true)}
        settingsButtonRef={settingsButtonRef}
      />
      <main className="app-main">
        {screen.name === 'library' ? (
          <LibraryScreen
            focusHeading={hasOpenedReview}
            onOpenReview={(review) => {
              setCloseProblem(undefined);
              setHasOpenedReview(true);
              showReview(review.id, review.title);
            }}
            notices={
              <>
                {appNotices}
                {closeProblem && (
                  <Banner
                    tone="error"
                    title="The last review was not closed properly"
                    onDismiss={() => setCloseProblem(undefined)}
                  >
                    {closeProblem}
                  </Banner>
                )}
                {nameMissing && <NameMissingBanner onSetName={() => setSettingsOpen(true)} />}
              </>
            }
          />
        ) : (
          <ReviewScreen
            key={screen.reviewId}
            reviewId={screen.reviewId}
            title={screen.title}
            onBack={showLibrary}
            onTitleChange={retitleReview}
            onCloseFailed={setCloseProblem}
          />
        )}
      </main>
      {namePrompt}
      {settingsOpen && settings.data && (
        <SettingsDialog
          settings={settings.data}
          info={info.data}
          onSaved={(saved) => {
            settings.update(() => saved);
            setSettingsOpen(false);
          }}
          onClose={() => setSettingsOpen(false)}
          returnFocusTo={() => settingsButtonRef.current}
        />
      )}
    </div>
  );
}
