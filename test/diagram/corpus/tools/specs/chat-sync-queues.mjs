import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('chat-sync-queues', {
    format: 'md',
    description: 'Per-recipient message sync queues in an Obsidian note: users bob, alice and san as ellipses holding a ws to chat servers; each recipient has a message sync queue drawn with slot lines; an id generator and a KV store for history.',
    style: ['product-names'], font: 1, fontSize: 16, roughness: 1, strokeWidth: 1, labelMode: 'bound',
  });
  d.box('bob', 'ellipse', -520, -80, 90, 56, 'bob', 'client');
  d.box('cs1', 'rect', -340, -96, 140, 88, 'chat server 1', 'gateway');
  d.box('idg', 'rect', -330, -280, 130, 60, 'id generator', 'id-generator');
  d.box('qa', 'rect', -60, -170, 200, 60, 'message sync queue (alice)', 'sync-queue', { rounded: false, labelMode: 'above', fontSize: 14, labelGap: 8 });
  for (let i = 1; i < 6; i++) d.rule(-60 + i * 33, -170, [[0, 0], [0, 60]], { owner: 'qa' });
  d.box('qs', 'rect', -56, 10, 200, 60, 'message sync queue (san)', 'sync-queue', { rounded: false, labelMode: 'above', fontSize: 14, labelGap: 6 });
  for (let i = 1; i < 6; i++) d.rule(-56 + i * 33, 10, [[0, 0], [0, 60]], { owner: 'qs' });
  d.box('cs2', 'rect', 260, -96, 140, 88, 'chat server 2', 'gateway');
  d.box('alice', 'ellipse', 500, -170, 96, 56, 'alice', 'client');
  d.box('san', 'ellipse', 504, 10, 90, 56, 'san', 'client');
  d.box('kv', 'cyl', -60, 150, 150, 100, 'KV store\n(HBase)', 'nosql-db');

  d.arrow('bob', 'cs1', { label: 'ws', freeLabel: true, heads: 'both' });
  d.arrow('cs1', 'idg');
  d.arrow('cs1', 'qa');
  d.arrow('cs1', 'qs');
  d.arrow('cs1', 'kv', { bind: 'start' });
  d.arrow('qa', 'cs2');
  d.arrow('qs', 'cs2');
  d.arrow('cs2', 'alice', { label: 'ws', freeLabel: true });
  d.arrow('cs2', 'san', { label: 'ws', freeLabel: true });
  d.text(-520, -330, 'each recipient has a message sync queue holding messages from different senders', { kind: 'note', fontSize: 16 });
  return d;
};
