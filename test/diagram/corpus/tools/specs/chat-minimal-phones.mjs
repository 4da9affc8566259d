import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('chat-minimal-phones', {
    description: 'The smallest chat sketch: two unlabelled phones, one chat server, one DB; no arrow is bound, they stop near the boxes; "ws" written beside the arrows.',
    style: ['abbreviations'], font: 1, fontSize: 20, roughness: 1, strokeWidth: 2,
  });
  d.box('a', 'phone', 0, 40, 54, 100, '', 'client');
  d.box('b', 'phone', 520, 44, 54, 100, '', 'client', { button: false });
  d.box('cs', 'rect', 200, 50, 180, 80, 'chat server', 'gateway');
  d.box('db', 'cyl', 230, 240, 120, 100, 'DB', 'database');
  d.arrow('a', 'cs', { bind: 'none', heads: 'both', label: 'ws', freeLabel: true });
  d.arrow('cs', 'b', { bind: 'none', heads: 'both', label: 'ws', freeLabel: true });
  d.arrow('cs', 'db', { bind: 'none' });
  return d;
};
