/** Entry point of the browser visualiser: loads the styles and starts the application. */
import './styles.css';
import { setWarningSink } from '../engine/index.js';
import { VisualiserApp } from './app/app.js';
import { showMessage } from './app/messages.js';

// Engine warnings raised on the page itself (reading a graph file, checking a scenario) are shown;
// the simulation worker sends its own with each result.
setWarningSink((message) => showMessage(message, 'warning'));
// The application is built in a task of its own once the modules have been evaluated, so that
// loading the page is two shorter tasks rather than one long one.
setTimeout(() => {
  const app = new VisualiserApp();
  void app.start();
}, 0);
