import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Base styles first, so the shared pieces and then each feature's styles build on them.
import './app/styles.css';
import './ui/ui.css';
import { App } from './app/App';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
