import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('general-large-canvas', {
    description: 'A large general e-commerce canvas of 25 boxes: browser and mobile clients, Cloudflare, an ALB and an API gateway, auth/user/product/order/payment/search/recommendation services, Redis, Postgres, MongoDB, MySQL, Elasticsearch, Kafka, S3 with an image resize worker, Stripe, SendGrid, an analytics consumer and Redshift; coloured containers for the VPC and the data tier.',
    style: ['product-names', 'abbreviations', 'multiline-labels'], font: 5, fontSize: 18, roughness: 1, strokeWidth: 2,
  });
  d.text(-300, -330, 'ShopNow architecture v3', { kind: 'title', fontSize: 36 });
  d.box('web', 'rect', -300, -40, 130, 60, 'Web browser', 'client', { bg: '#f1f3f5' });
  d.box('mob', 'phone', -270, 100, 60, 100, 'Mobile app', 'client');
  d.box('cf', 'rect', -90, -140, 150, 60, 'Cloudflare', 'cdn', { bg: '#ffd8a8' });
  d.box('alb', 'rect', -80, 40, 110, 60, 'AWS ALB', 'load-balancer', { bg: '#ffec99' });
  d.container(100, -200, 1120, 900, 'VPC (us-east-1)', { stroke: '#1971c2', strokeStyle: 'dashed', titleColor: '#1971c2' });
  d.box('apigw', 'rect', 140, 30, 150, 80, 'API Gateway', 'gateway', { bg: '#d0bfff' });
  d.box('auth', 'rect', 380, -160, 140, 56, 'Auth service', 'service', { bg: '#a5d8ff' });
  d.box('user', 'rect', 380, -70, 140, 56, 'User service', 'service', { bg: '#a5d8ff' });
  d.box('prod', 'rect', 380, 20, 150, 56, 'Product service', 'service', { bg: '#a5d8ff' });
  d.box('order', 'rect', 380, 110, 140, 56, 'Order service', 'service', { bg: '#a5d8ff' });
  d.box('pay', 'rect', 380, 200, 150, 56, 'Payment service', 'service', { bg: '#a5d8ff' });
  d.box('search', 'rect', 380, 290, 140, 56, 'Search service', 'service', { bg: '#a5d8ff' });
  d.box('reco', 'rect', 380, 380, 160, 70, 'Recommendation\nservice', 'service', { bg: '#a5d8ff' });
  d.box('notif', 'rect', 140, 300, 150, 70, 'Notification\nservice', 'notification-service', { bg: '#ffc9c9' });
  d.box('redis', 'rect', 620, -160, 120, 56, 'Redis cache', 'cache', { bg: '#ffc9c9' });
  d.container(780, -190, 420, 560, 'Data tier', { bg: '#ebfbee', fill: 'solid', strokeStyle: 'solid' });
  d.box('pg', 'cyl', 820, -140, 150, 100, 'Users DB\n(Postgres)', 'database', { lid: 18 });
  d.box('mongo', 'cyl', 1010, -140, 160, 100, 'Products\n(MongoDB)', 'nosql-db', { lid: 18 });
  d.box('mysql', 'cyl', 820, 10, 150, 100, 'Orders DB\n(MySQL)', 'database', { lid: 18 });
  d.box('es', 'cyl', 1010, 10, 160, 100, 'Elasticsearch', 'nosql-db', { lid: 18 });
  d.box('s3', 'cyl', 820, 170, 150, 100, 'S3\nproduct images', 'blob-store', { lid: 18 });
  d.box('kafka', 'rect', 600, 520, 160, 64, 'Kafka', 'message-queue', { bg: '#fff3bf' });
  d.box('resize', 'rect', 820, 420, 170, 64, 'Image resize\nworker', 'service');
  d.box('anc', 'rect', 600, 630, 170, 56, 'Analytics consumer', 'consumer');
  d.box('rs', 'cyl', 880, 560, 150, 110, 'Data warehouse\n(Redshift)', 'database', { lid: 20 });
  d.box('stripe', 'rect', 1300, 180, 120, 60, 'Stripe', 'service', { strokeStyle: 'dashed' });
  d.box('sg', 'rect', 1300, 330, 140, 60, 'SendGrid\n(email)', 'notification-service', { strokeStyle: 'dashed' });
  d.arrow('web', 'cf');
  d.arrow('web', 'alb');
  d.arrow('mob', 'alb');
  d.arrow('cf', 's3', { bind: 'start', dashed: true, via: [[-15, -225], [995, -225], [995, 220]], short: 14 });
  d.arrow('alb', 'apigw');
  for (const s of ['auth', 'user', 'prod', 'order', 'pay', 'search', 'reco']) d.arrow('apigw', s);
  d.arrow('apigw', 'notif', { bind: 'start' });
  d.arrow('auth', 'redis');
  d.arrow('user', 'pg');
  d.arrow('prod', 'mongo');
  d.arrow('order', 'mysql');
  d.arrow('search', 'es');
  d.arrow('pay', 'stripe', { via: [[1250, 228]] });
  d.arrow('order', 'kafka', { bind: 'start', via: [[580, 138], [580, 540]] });
  d.arrow('kafka', 'notif');
  d.arrow('notif', 'sg', { via: [[215, 470], [1370, 470]] });
  d.arrow('kafka', 'resize');
  d.arrow('resize', 's3');
  d.arrow('kafka', 'anc');
  d.arrow('anc', 'rs');
  d.arrow('reco', 'rs', { dashed: true, bind: 'end' });
  d.noteBox(-300, 480, 300, 120, 'TODO: move sessions from Redis\nto JWT; search index rebuilt\nnightly from Products', { bg: '#fff9db' });
  return d;
};
