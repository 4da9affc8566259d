import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('chat-offline-push', {
    format: 'md',
    description: 'Obsidian note with two designs on one canvas: client -> ALB -> API (http) and chat service (web socket) with a notification service; below, the message path through sender/recipient API servers, a message queue, a notification service with APNs/FCM for offline recipients and a noSQL database.',
    style: ['abbreviations', 'product-names', 'several-designs'], font: 1, fontSize: 16, roughness: 0, strokeWidth: 0.5,
  });
  d.text(-260, -420, 'High level', { kind: 'title', fontSize: 28 });
  d.box('cl', 'rect', -136, -326, 84, 50, 'client', 'client');
  d.box('alb', 'rect', -243, -188, 71, 60, 'ALB', 'load-balancer');
  d.box('api', 'rect', -340, -40, 90, 56, 'API', 'api-server');
  d.box('chat', 'rect', -160, -40, 130, 56, 'chat service', 'gateway');
  d.box('ns1', 'rect', -350, 90, 120, 72, 'Notification\nservice', 'notification-service');
  d.arrow('cl', 'alb');
  d.arrow('alb', 'api', { label: 'http' });
  d.arrow('alb', 'chat', { label: 'web socket' });
  d.arrow('api', 'ns1');
  d.arrow('cl', 'chat', { bind: 'none', via: [[-40, -180]] });

  d.text(-260, 420, 'Message flow', { kind: 'title', fontSize: 28 });
  d.box('snd', 'rect', -380, 520, 90, 50, 'sender', 'client');
  d.box('sapi', 'rect', -230, 510, 120, 70, 'sender API\nserver', 'api-server');
  d.box('mq', 'rect', -50, 514, 130, 62, 'message queue', 'message-queue', { bg: '#ffec99' });
  d.box('rapi', 'rect', 150, 508, 130, 72, 'recipient API\nserver', 'api-server');
  d.box('rcp', 'rect', 350, 520, 100, 50, 'recipient', 'client');
  d.box('ns2', 'rect', -54, 680, 140, 72, 'notification\nservice', 'notification-service');
  d.box('apns', 'rect', 160, 690, 120, 52, 'APNs / FCM', 'notification-service');
  d.box('nosql', 'cyl', -60, 300, 150, 110, 'noSQL database', 'nosql-db', { lid: 22 });
  d.arrow('snd', 'sapi');
  d.arrow('sapi', 'mq');
  d.arrow('mq', 'rapi');
  d.arrow('rapi', 'rcp', { label: 'if online', freeLabel: true });
  d.arrow('mq', 'ns2');
  d.arrow('ns2', 'apns');
  d.arrow('apns', 'rcp', { bind: 'none', label: 'when offline', freeLabel: true });
  d.arrow('mq', 'nosql');
  return d;
};
