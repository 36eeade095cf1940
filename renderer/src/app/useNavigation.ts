import { useState } from 'react';

/** Where the person is: the library, or inside one review. */
export type Screen = { name: 'library' } | { name: 'review'; reviewId: string; title: string };

export function useNavigation() {
  const [screen, setScreen] = useState<Screen>({ name: 'library' });
  return {
    screen,
    showLibrary: () => setScreen({ name: 'library' }),
    showReview: (reviewId: string, title: string) => setScreen({ name: 'review', reviewId, title }),
    /** Keeps the sidebar and window title in step when the open review is renamed. */
    retitleReview: (title: string) => setScreen((s) => (s.name === 'review' ? { ...s, title } : s)),
  };
}
