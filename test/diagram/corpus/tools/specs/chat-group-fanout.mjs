import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('chat-group-fanout', {
    description: 'Group chat fan-out: a sender on chat server 1, a group service and group DB, a group worker copying each message into every member\'s message sync queue, members on chat server 2.',
    style: ['multiline-labels', 'abbreviations'], font: 5, fontSize: 18, roughness: 1,
  });
  d.box('snd', 'person', 20, 180, 80, 0, 'sender', 'client');
  d.box('cs1', 'rect', 170, 170, 150, 70, 'Chat server 1', 'gateway', { bg: '#a5d8ff' });
  d.box('gs', 'rect', 182, 10, 150, 64, 'Group Service', 'group-service');
  d.box('gdb', 'cyl', 440, -20, 180, 120, 'Group DB\n{group_id,\nuser_ids: [...]}', 'group-db', { fontSize: 15 });
  d.box('mdb', 'cyl', 214, 340, 126, 106, 'Messaging\nDB', 'messaging-db');
  d.box('gw', 'rect', 420, 190, 150, 66, 'Group Worker', 'group-worker', { stack: { n: 2, dx: 10, dy: 10, text: 'front' } });
  const q = [['q1', 'sync queue\nuser 2', 120], ['q2', 'sync queue\nuser 3', 236], ['q3', 'sync queue\nuser 4', 352]];
  for (const [k, label, y] of q) {
    d.box(k, 'rect', 690, y, 170, 74, label, 'sync-queue', { labelMode: 'above', fontSize: 14, labelGap: 2, rounded: false });
    for (let i = 1; i < 5; i++) d.rule(690 + i * 34, y, [[0, 0], [0, 74]], { owner: k });
  }
  d.box('cs2', 'rect', 960, 230, 150, 70, 'Chat server 2', 'gateway', { bg: '#a5d8ff' });
  d.box('r1', 'phone', 1200, 150, 50, 88, '', 'client');
  d.box('r2', 'phone', 1204, 290, 50, 88, '', 'client');

  d.arrow('snd', 'cs1', { label: 'wss' });
  d.arrow('cs1', 'gs', { bind: 'start' });
  d.arrow('gs', 'gdb');
  d.arrow('cs1', 'mdb');
  d.arrow('mdb', 'gw', { dashed: true, label: 'trigger' });
  d.arrow('gw', 'gdb', { bind: 'both' });
  d.arrow('gw', 'q1');
  d.arrow('gw', 'q2');
  d.arrow('gw', 'q3');
  d.arrow('q1', 'cs2', { bind: 'end' });
  d.arrow('q2', 'cs2', { bind: 'end' });
  d.arrow('q3', 'cs2', { bind: 'end' });
  d.arrow('cs2', 'r1', { bind: 'start', label: 'wss' });
  d.arrow('cs2', 'r2', { bind: 'start' });
  d.text(690, 470, 'small groups: the message is copied into every\nmember\'s sync queue (fan-out on write)', { kind: 'note', fontSize: 14 });
  return d;
};
