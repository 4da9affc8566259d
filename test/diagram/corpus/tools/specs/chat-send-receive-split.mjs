import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('chat-send-receive-split', {
    description: 'Chat design with split services inside two frames: a write path (Send Service, Messaging DB, Messaging Worker) and a read path (Receive Service keeping the sockets, Connection DB, User Socket Cache); Group Service and a DynamoDB-like Group DB with a Group Worker.',
    style: ['multiline-labels', 'product-names'], font: 2, fontSize: 17, roughness: 0, strokeWidth: 1,
  });
  d.frame(-20, -60, 760, 330, 'Write path (write heavy)');
  d.frame(-20, 330, 760, 360, 'Read path');
  d.box('cs', 'rect', 14, 40, 150, 60, 'Client - Sender', 'client', { bg: '#e9ecef' });
  d.box('cj', 'rect', 12, 170, 150, 60, 'Client - Join\na group', 'client', { bg: '#e9ecef' });
  d.box('send', 'rect', 256, 30, 160, 74, 'Send Service', 'send-service', { stack: { n: 2, dx: 12, dy: -12, text: 'front' } });
  d.box('mdb', 'cyl', 540, 10, 150, 110, 'Messaging DB', 'messaging-db');
  d.box('grp', 'rect', 254, 168, 160, 66, 'Group Service', 'group-service');
  d.box('gdb', 'cyl', 536, 150, 158, 104, 'Group DB\n(DynamoDB)', 'group-db', { lid: 18 });
  d.box('mw', 'rect', 530, 400, 170, 64, 'Messaging Worker', 'messaging-worker');
  d.box('gw', 'rect', 530, 560, 170, 64, 'Group Worker', 'group-worker');
  d.box('recv', 'rect', 250, 470, 168, 80, 'Receive Service', 'receive-service', { stack: { n: 3, dx: 12, dy: 12, text: 'all' }, bg: '#dbe4ff' });
  d.box('usc', 'rect', 262, 610, 146, 52, 'User Socket Cache', 'socket-cache', { fontSize: 14 });
  d.box('cdb', 'cyl', 280, 370, 120, 80, 'Connection DB', 'connection-db', { fontSize: 14, lid: 14 });
  d.box('cr', 'rect', 12, 482, 150, 60, 'Client - Receiver', 'client', { bg: '#e9ecef' });

  d.arrow('cs', 'send');
  d.arrow('send', 'mdb', { label: 'write' });
  d.arrow('cj', 'grp');
  d.arrow('grp', 'gdb');
  d.arrow('mdb', 'mw', { label: 'CDC', dashed: true, via: [[615, 330]] });
  d.arrow('mw', 'cdb', { bind: 'start' });
  d.arrow('mw', 'recv');
  d.arrow('mw', 'gw', { bind: 'end' });
  d.arrow('gw', 'gdb', { via: [[720, 592], [720, 210]] });
  d.arrow('gw', 'recv', { bind: 'start' });
  d.arrow('recv', 'usc', { heads: 'both' });
  d.arrow('recv', 'cdb', { label: 'save on join' });
  d.arrow('recv', 'cr', { label: 'websocket', heads: 'both' });
  return d;
};
