import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('rate-limiter', {
    description: 'A rate limiter in front of API servers, drawn as a decision diamond: counters in Redis, rules pulled from a rules DB by workers into a rules cache, throttled requests answered 429 or sent to a message queue for later.',
    style: ['product-names', 'multiline-labels'], font: 2, fontSize: 16, roughness: 0, strokeWidth: 2,
  });
  d.box('c', 'person', 0, 70, 90, 0, 'Client', 'client');
  d.box('rl', 'diamond', 150, 40, 170, 140, 'Rate\nlimiter', 'service', { bg: '#ffec99' });
  d.box('api', 'rect', 430, 70, 150, 76, 'API Servers', 'api-server', { stack: { n: 3, dx: 10, dy: -10, text: 'front' } });
  d.box('redis', 'cyl', 320, 290, 130, 100, 'Redis\n(counters)', 'cache', { bg: '#ffc9c9' });
  d.box('rc', 'rect', 150, -130, 170, 56, 'Rules cache', 'cache');
  d.box('wk', 'rect', 430, -140, 130, 60, 'Workers', 'service');
  d.box('rdb', 'cyl', 640, -160, 130, 100, 'Rules DB', 'database');
  d.box('mq', 'rect', 540, 220, 170, 60, 'Message queue', 'message-queue');
  d.arrow('c', 'rl');
  d.arrow('rl', 'api', { label: 'allowed' });
  d.arrow('rl', 'redis', { heads: 'both', label: 'INCR + EXPIRE' });
  d.arrow('rc', 'rl');
  d.arrow('wk', 'rc');
  d.arrow('rdb', 'wk');
  d.arrow('rl', 'mq', { label: 'throttled', dashed: true });
  d.arrow('rl', 'c', { label: '429 Too Many Requests', freeLabel: true, via: [[235, 230], [20, 230]], bind: 'start', short: 30 });
  return d;
};
