import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('chat-messenger-stateful', {
    description: 'Messenger-style stateful websockets: many Messaging Service machines (a stack of cards) hold the clients\' sockets, each with a User Socket Cache; a Connection DB maps user to machine; a Messaging Worker forwards each message to the recipient\'s machine.',
    style: ['multiline-labels'], font: 2, fontSize: 18, roughness: 0, strokeWidth: 1,
  });
  d.box('snd', 'rect', -412, -146, 150, 62, 'Client - Sender', 'client');
  d.box('rcv', 'rect', -408, 118, 156, 62, 'Client - Receiver', 'client');
  d.box('ms', 'rect', -128, -42, 186, 96, 'Messaging Service', 'gateway', { stack: { n: 3, dx: 16, dy: -16, text: 'all', }, bg: '#e7f5ff' });
  d.box('usc', 'rect', -96, 124, 132, 58, 'User Socket\nCache', 'socket-cache', { fontSize: 16, bg: '#fff3bf' });
  d.box('cdb', 'cyl', 222, -242, 172, 112, 'Connection DB\n{user_id,\nmachine_id}', 'connection-db', { fontSize: 16 });
  d.box('mw', 'rect', 244, 8, 162, 70, 'Messaging Worker', 'messaging-worker', { bg: '#d3f9d8' });
  d.box('mdb', 'cyl', 508, -34, 138, 124, 'Messaging DB', 'messaging-db');

  d.arrow('snd', 'ms', { label: 'WS', heads: 'both' });
  d.arrow('rcv', 'ms', { label: 'WS', heads: 'both', to: 'card:1' });
  d.arrow('ms', 'usc', { heads: 'both' });
  d.arrow('ms', 'cdb', { label: 'save on connect' });
  d.arrow('ms', 'mw');
  d.arrow('mw', 'cdb', { bind: 'start', short: 9 });
  d.arrow('mw', 'mdb');
  d.arrow('mw', 'ms', { via: [[324, 190], [10, 190]], bind: 'start', label: '{sender, user_id, message}', short: 14 });
  d.text(442, -236, 'When a client connects, the messaging service it lands on\nsaves {user_id, machine_id} in the Connection DB.\nThe worker looks the recipient\'s machine up and\nforwards the message there.', { kind: 'note', fontSize: 14 });
  return d;
};
