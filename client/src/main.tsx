import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import App from './App';
import { initialLocale } from './i18n/I18nProvider';
import { loadMessages } from './i18n/messages';

// The first screen in the user's language without a flash: its messages (a chunk of their own) load first. Should
// they fail to load, the app renders anyway and tries again as it renders.
void loadMessages(initialLocale())
  .catch(() => undefined)
  .then(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
