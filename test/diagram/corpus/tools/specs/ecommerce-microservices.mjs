import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('ecommerce-microservices', {
    description: 'E-commerce microservices inside a "Kubernetes cluster" frame: web and mobile apps reach an API gateway; user, catalog, cart, order and payment services each with their own store (Postgres, MongoDB, Redis, MySQL); RabbitMQ events to an email service.',
    style: ['product-names', 'multiline-labels'], font: 2, fontSize: 16, roughness: 0, strokeWidth: 2,
  });
  d.box('wa', 'rect', -260, 60, 120, 60, 'Web app', 'client');
  d.box('ma', 'phone', -230, 180, 56, 96, 'Mobile app', 'client');
  d.frame(-60, -120, 940, 640, 'Kubernetes cluster');
  d.box('gw', 'rect', -20, 120, 140, 80, 'API Gateway', 'gateway', { bg: '#e5dbff' });
  const svcs = [['us', 'User service', -80], ['cat', 'Catalog service', 40], ['cart', 'Cart service', 160], ['ord', 'Order service', 280], ['pay', 'Payment service', 400]];
  for (const [k, l, y] of svcs) d.box(k, 'rect', 220, y, 160, 60, l, 'service', { bg: '#e7f5ff' });
  d.box('udb', 'cyl', 470, -100, 150, 90, 'User DB\n(Postgres)', 'database', { lid: 16 });
  d.box('cdb', 'cyl', 470, 20, 150, 90, 'Catalog DB\n(MongoDB)', 'nosql-db', { lid: 16 });
  d.box('redis', 'rect', 470, 160, 150, 60, 'Cart (Redis)', 'cache', { bg: '#ffc9c9' });
  d.box('odb', 'cyl', 470, 260, 150, 90, 'Order DB\n(MySQL)', 'database', { lid: 16 });
  d.box('rmq', 'rect', 690, 300, 150, 60, 'RabbitMQ', 'message-queue', { bg: '#ffe8cc' });
  d.box('mail', 'rect', 690, 420, 150, 60, 'Email service', 'notification-service');
  d.arrow('wa', 'gw');
  d.arrow('ma', 'gw');
  for (const [k] of svcs) d.arrow('gw', k);
  d.arrow('us', 'udb');
  d.arrow('cat', 'cdb');
  d.arrow('cart', 'redis');
  d.arrow('ord', 'odb');
  d.arrow('ord', 'rmq', { bind: 'start', via: [[420, 390], [660, 390]], short: 8 });
  d.arrow('pay', 'rmq', { label: 'payment.succeeded' });
  d.arrow('rmq', 'mail');
  return d;
};
