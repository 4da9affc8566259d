import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('news-feed', {
    description: 'News feed in two frames: feed publishing (post service, fanout service, graph DB, message queue, fanout workers, news feed cache, notification service) and news feed building (news feed service with post, user caches and DBs, CDN for media); users on phones behind an LB and web servers.',
    style: ['multiline-labels', 'product-names', 'abbreviations', 'typos'], font: 2, fontSize: 16, roughness: 0, strokeWidth: 1,
  });
  d.box('u', 'phone', -180, 200, 56, 100, 'User', 'client');
  d.box('cdn', 'rect', -220, 430, 110, 56, 'CDN', 'cdn', { bg: '#ffd8a8' });
  d.box('lb', 'rect', -40, 220, 90, 56, 'LB', 'load-balancer');
  d.box('ws', 'rect', 110, 210, 140, 74, 'Web servers', 'web-server', { stack: { n: 2, dx: 10, dy: -10, text: 'all' } });
  d.frame(320, -40, 700, 300, 'Feed publishing');
  d.box('post', 'rect', 350, 0, 130, 56, 'Post service', 'service');
  d.box('fan', 'rect', 350, 120, 130, 56, 'Fanout service', 'service');
  d.box('notif', 'rect', 350, 190, 150, 56, 'Notifcation\nservice', 'notification-service');
  d.box('graph', 'cyl', 560, -20, 110, 100, 'Graph DB', 'nosql-db');
  d.box('mq', 'rect', 560, 120, 140, 56, 'Message Queue', 'message-queue', { bg: '#fff3bf' });
  d.box('fw', 'rect', 760, 110, 130, 66, 'Fanout\nworkers', 'service', { stack: { n: 3, dx: 8, dy: 8, text: 'front' } });
  d.box('nfc', 'rect', 780, 0, 140, 60, 'News Feed\nCache', 'cache', { bg: '#ffc9c9' });
  d.frame(320, 330, 700, 300, 'News feed building');
  d.box('nfs', 'rect', 350, 380, 150, 66, 'News Feed\nService', 'service');
  d.box('pc', 'rect', 580, 360, 120, 56, 'Post cache', 'cache', { bg: '#ffc9c9' });
  d.box('uc', 'rect', 580, 500, 120, 56, 'User cache', 'cache', { bg: '#ffc9c9' });
  d.box('pdb', 'cyl', 780, 350, 110, 90, 'Post DB', 'database');
  d.box('udb', 'cyl', 780, 490, 110, 90, 'User DB', 'database');
  d.box('media', 'cyl', -220, 540, 110, 80, 'Media\nS3', 'blob-store', { lid: 16 });
  d.arrow('u', 'lb');
  d.arrow('u', 'cdn', { bind: 'start' });
  d.arrow('cdn', 'media', { dashed: true });
  d.arrow('lb', 'ws');
  d.arrow('ws', 'post', { label: 'publish' });
  d.arrow('ws', 'fan');
  d.arrow('ws', 'notif');
  d.arrow('ws', 'nfs', { label: 'get feed' });
  d.arrow('fan', 'graph', { label: 'friend ids' });
  d.arrow('fan', 'mq');
  d.arrow('mq', 'fw');
  d.arrow('fw', 'nfc');
  d.arrow('nfs', 'nfc', { via: [[540, 300], [1000, 300]], bind: 'end' });
  d.arrow('nfs', 'pc');
  d.arrow('nfs', 'uc');
  d.arrow('pc', 'pdb');
  d.arrow('uc', 'udb');
  d.text(-220, -60, 'News feed system', { kind: 'title', fontSize: 32 });
  return d;
};
