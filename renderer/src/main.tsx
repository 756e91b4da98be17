/**
 * The player's code, loaded by boot.ts: pick the KioskApi, render the app.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api';
import { readInlineSnapshot } from './api/inline-snapshot';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App api={createApi()} initial={readInlineSnapshot()} />
  </StrictMode>,
);
