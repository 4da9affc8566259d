import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('chat-ws-manager-typos', {
    description: 'A quickly sketched chat backend full of typos and abbreviations: web servers behind an LB, a websocket manager and Ws servers, a chat serice writing to a messaging queu, cache, mysql and dynamo stores, blob store and cdn.',
    style: ['typos', 'abbreviations', 'product-names'], font: 1, fontSize: 20, roughness: 2, labelMode: 'inside',
  });
  d.box('mob', 'rect', 30, 40, 110, 60, 'mobile', 'client');
  d.box('web', 'rect', 34, 190, 106, 58, 'web', 'client');
  d.box('lb', 'rect', 232, 100, 70, 90, 'LB', 'load-balancer');
  d.box('wa', 'rect', 390, 20, 150, 60, 'Webserver A', 'web-server');
  d.box('wb', 'rect', 392, 110, 150, 60, 'Webserver B', 'web-server');
  d.box('wsm', 'rect', 396, 262, 190, 66, 'websocket manager', 'gateway', { labelMode: 'bound' });
  d.box('wss1', 'rect', 640, 212, 118, 56, 'Ws server', 'gateway');
  d.box('wss2', 'rect', 646, 300, 118, 56, 'wss', 'gateway');
  d.box('chat', 'rect', 860, 250, 150, 64, 'chat serice', 'service');
  d.box('mq', 'rect', 1092, 240, 170, 70, 'messaging queu', 'message-queue');
  d.box('cache', 'rect', 640, 40, 100, 56, 'cac he', 'cache', { bg: '#ffec99', fill: 'hachure' });
  d.box('mysql', 'cyl', 830, 20, 120, 110, 'mysql db', 'database', { labelMode: 'below' });
  d.box('dyn', 'cyl', 1110, 380, 150, 120, 'Chat DB dyanodb', 'nosql-db', { labelMode: 'bound', fontSize: 16 });
  d.box('blob', 'rect', 860, 420, 128, 58, 'blob store', 'blob-store');
  d.box('cdn', 'ellipse', 640, 440, 110, 70, 'cdn', 'cdn', { labelMode: 'bound' });

  d.arrow('mob', 'lb', { bind: 'none' });
  d.arrow('web', 'lb', { bind: 'none' });
  d.arrow('lb', 'wa', { bind: 'end' });
  d.arrow('lb', 'wb', { bind: 'end' });
  d.arrow('mob', 'wsm', { bind: 'none', via: [[180, 300]] });
  d.arrow('wsm', 'wss1');
  d.arrow('wsm', 'wss2');
  d.arrow('wa', 'cache', { bind: 'none' });
  d.arrow('wa', 'mysql', { bind: 'none', via: [[600, 8], [790, 8]] });
  d.arrow('wss1', 'chat', { bind: 'start' });
  d.arrow('wss2', 'chat', { bind: 'start' });
  d.arrow('chat', 'mq', { bind: 'none' });
  d.arrow('mq', 'dyn', { bind: 'none' });
  d.arrow('chat', 'blob', { bind: 'end' });
  d.arrow('blob', 'cdn', { bind: 'none' });
  d.arrow('cdn', 'web', { bind: 'none', via: [[300, 470]] });
  return d;
};
