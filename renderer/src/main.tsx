/**
 * Renderer entry: apply the test flag for animations, pick the KioskApi, render the app.
 */
import '@fontsource-variable/inter/wght.css';
import './styles/player.css';
import { MotionGlobalConfig } from 'framer-motion';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api';
import { readInlineSnapshot } from './api/inline-snapshot';
import { App } from './App';

// Tests with a fake clock set this before load so every animation completes at once.
if (window.__SKIP_ANIMATIONS__ === true) MotionGlobalConfig.skipAnimations = true;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App api={createApi()} initial={readInlineSnapshot()} />
  </StrictMode>,
);
