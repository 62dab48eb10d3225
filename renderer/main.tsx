import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { pickBridge } from './bridge/pick-bridge.js';
import './styles/fonts.js';
import './styles/theme.css';

// The bridge is picked once, before anything renders: it takes the token out of the URL first.
const bridge = pickBridge();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App bridge={bridge} />
  </StrictMode>,
);
