import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('notification-system', {
    description: 'A notification system: services and a cron job call notification servers (stacked) that read a cache and DB of user settings and enqueue per channel (iOS, Android, SMS, email queues); workers send through APNs, FCM, Twilio and SendGrid to devices.',
    style: ['product-names', 'abbreviations', 'multiline-labels'], font: 2, fontSize: 16, roughness: 1, strokeWidth: 1,
  });
  d.box('s1', 'rect', 0, 0, 110, 50, 'Service 1', 'service');
  d.box('s2', 'rect', 4, 90, 110, 50, 'Service 2', 'service');
  d.box('cron', 'rect', 0, 180, 110, 50, 'Cron job', 'service', { strokeStyle: 'dashed' });
  d.box('ns', 'rect', 190, 70, 150, 80, 'Notification\nservers', 'notification-service', { stack: { n: 3, dx: 10, dy: 10, text: 'front' }, bg: '#e7f5ff' });
  d.box('cache', 'rect', 180, 260, 90, 50, 'Cache', 'cache');
  d.box('db', 'cyl', 300, 250, 80, 80, 'DB', 'database', { lid: 16 });
  const qs = [['qi', 'iOS PN queue', -40], ['qa', 'Android PN\nqueue', 60], ['qs', 'SMS queue', 160], ['qe', 'Email queue', 260]];
  for (const [k, l, y] of qs) {
    d.box(k, 'rect', 450, y, 130, 60, l, 'message-queue', { labelMode: 'above', labelGap: 2, fontSize: 14, rounded: false });
    for (let i = 1; i < 4; i++) d.rule(450 + i * 32, y, [[0, 0], [0, 60]], { owner: k });
  }
  d.box('wk', 'rect', 660, 80, 110, 110, 'Workers', 'service', { stack: { n: 2, dx: 10, dy: -10, text: 'front' } });
  d.box('apns', 'rect', 850, -40, 110, 50, 'APNs', 'notification-service', { bg: '#f3f0ff' });
  d.box('fcm', 'rect', 850, 60, 110, 50, 'FCM', 'notification-service', { bg: '#f3f0ff' });
  d.box('tw', 'rect', 850, 160, 110, 50, 'Twilio', 'notification-service', { bg: '#f3f0ff' });
  d.box('sg', 'rect', 850, 260, 110, 50, 'SendGrid', 'notification-service', { bg: '#f3f0ff' });
  d.box('ios', 'phone', 1050, -60, 44, 80, 'iOS', 'client');
  d.box('and', 'phone', 1052, 60, 44, 80, 'Android', 'client');
  d.box('mail', 'rect', 1030, 240, 90, 60, 'inbox', 'client', { labelMode: 'bound' });
  for (const s of ['s1', 's2', 'cron']) d.arrow(s, 'ns');
  d.arrow('ns', 'cache');
  d.arrow('ns', 'db');
  for (const [k] of qs) d.arrow('ns', k);
  for (const [k] of qs) d.arrow(k, 'wk', { bind: 'start' });
  d.arrow('wk', 'apns');
  d.arrow('wk', 'fcm');
  d.arrow('wk', 'tw');
  d.arrow('wk', 'sg');
  d.arrow('apns', 'ios', { bind: 'none' });
  d.arrow('fcm', 'and', { bind: 'none' });
  d.arrow('sg', 'mail');
  d.noteBox(180, 380, 330, 90, 'retry on error: a failed send goes back\nto its queue; notification log kept\nin the DB for dedupe');
  return d;
};
