/** Entry point of the browser visualiser: loads the styles and starts the application. */
import './styles.css';
import { VisualiserApp } from './app/app.js';

const app = new VisualiserApp();
void app.start();
