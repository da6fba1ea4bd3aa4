// The one way the dashboard builds markup: htm's tagged templates over Preact. Values in ${} are
// inserted as text or properties, never parsed as HTML, so a device's strings cannot become markup.
import { h } from 'preact';
import htm from 'htm';

export const html = htm.bind(h);
