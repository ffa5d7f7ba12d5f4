/** Entry point of the browser visualiser: loads the styles and starts the application. */
import './styles.css';
import { setWarningSink } from '../engine/index.js';
import { VisualiserApp } from './app/app.js';
import { showMessage } from './app/messages.js';

// Engine warnings raised on the page itself (reading a graph file, checking a scenario) are shown;
// the simulation worker sends its own with each result.
setWarningSink((message) => showMessage(message, 'warning'));
const app = new VisualiserApp();
void app.start();
