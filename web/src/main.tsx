import { render } from 'preact';
import './no-eval.js';
import { App } from './app.js';

render(<App />, document.getElementById('app')!);
performance.mark('leptoguide-rendered');
