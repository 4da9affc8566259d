import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('chat-stages-obsidian', {
    format: 'md-old',
    description: 'An Obsidian note designing a chat system in stages down one long canvas, each with a free-text title: short polling, websockets, stateful websockets with a connection DB, user socket cache and messaging worker.',
    style: ['several-designs', 'multiline-labels'], font: 1, fontSize: 20, roughness: 1, strokeWidth: 1,
  });
  d.text(-60, -520, 'Requirements\n- sending & receiving messages\n- join groups\nOut of scope: presence', { kind: 'note', fontSize: 20 });
  d.text(-60, -300, 'Short Polling', { kind: 'title', fontSize: 36 });
  d.box('s1a', 'rect', -60, -200, 170, 60, 'Client - Sender', 'client');
  d.box('s1b', 'rect', -60, -90, 170, 60, 'Client - Receiving', 'client');
  d.box('s1m', 'rect', 240, -160, 180, 80, 'Messaging Service', 'service');
  d.box('s1d', 'rect', 520, -160, 160, 80, 'Messaging DB', 'messaging-db');
  d.arrow('s1a', 's1m');
  d.arrow('s1b', 's1m', { label: 'poll every 2s', heads: 'both' });
  d.arrow('s1m', 's1d');

  d.text(-60, 200, 'WebSockets', { kind: 'title', fontSize: 36 });
  d.box('s2a', 'rect', -60, 300, 170, 60, 'Client - Sender', 'client');
  d.box('s2b', 'rect', -60, 420, 170, 60, 'Client - Receiver', 'client');
  d.box('s2m', 'rect', 240, 350, 180, 80, 'Messaging Service', 'gateway');
  d.box('s2d', 'rect', 520, 350, 160, 80, 'Messaging DB', 'messaging-db');
  d.arrow('s2a', 's2m', { label: 'WS' });
  d.arrow('s2m', 's2b', { label: 'WS' });
  d.arrow('s2m', 's2d');
  d.text(720, 340, 'persistent connection: the service\npushes to the receiver', { kind: 'note', fontSize: 16 });

  d.text(-60, 760, 'Stateful WebSockets', { kind: 'title', fontSize: 36 });
  d.box('s3a', 'rect', -60, 880, 170, 60, 'Client - Sender', 'client');
  d.box('s3b', 'rect', -60, 1040, 170, 60, 'Client - Receiver', 'client');
  d.box('s3m', 'rect', 250, 920, 180, 90, 'Messaging\nService', 'gateway', { stack: { n: 3, dx: 14, dy: -14, text: 'front' } });
  d.box('s3c', 'rect', 260, 1080, 160, 60, 'User Socket\nCache', 'socket-cache', { fontSize: 16 });
  d.box('s3cdb', 'rect', 560, 780, 210, 90, 'Connection DB\n{user_id, machine_id}', 'connection-db', { fontSize: 16 });
  d.box('s3w', 'rect', 560, 950, 180, 70, 'Messaging Worker', 'messaging-worker');
  d.box('s3d', 'rect', 840, 950, 160, 80, 'Messaging DB', 'messaging-db');
  d.arrow('s3a', 's3m', { label: 'WS' });
  d.arrow('s3m', 's3b', { label: 'WS', to: 'card:0' });
  d.arrow('s3m', 's3c', { heads: 'both' });
  d.arrow('s3m', 's3cdb', { label: 'on connect' });
  d.arrow('s3m', 's3w');
  d.arrow('s3w', 's3cdb');
  d.arrow('s3w', 's3d', { heads: 'both' });
  d.arrow('s3w', 's3m', { bind: 'start', via: [[650, 1110], [470, 1110]], label: '{sender, user_id, message}', short: 12 });
  return d;
};
