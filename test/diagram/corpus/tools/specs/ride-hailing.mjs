import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('ride-hailing', {
    description: 'Ride hailing: rider and driver phones; riders call an API gateway, drivers stream locations over a websocket server; location service with Redis geo index, matching, trip service with Postgres, Kafka for trip events, maps/ETA, payments and push notifications.',
    style: ['product-names', 'multiline-labels'], font: 1, fontSize: 18, roughness: 1, strokeWidth: 2,
  });
  d.box('rider', 'phone', 0, 20, 60, 110, 'Rider app', 'client', { screen: '#d0ebff' });
  d.box('driver', 'phone', 4, 340, 60, 110, 'Driver app', 'client', { screen: '#d3f9d8' });
  d.box('gw', 'rect', 160, 40, 150, 70, 'API Gateway', 'gateway', { bg: '#e5dbff' });
  d.box('wss', 'rect', 160, 360, 150, 74, 'WebSocket\nserver', 'gateway', { bg: '#e5dbff' });
  d.box('match', 'rect', 420, 40, 150, 64, 'Matching\nservice', 'service');
  d.box('trip', 'rect', 420, 180, 150, 64, 'Trip service', 'service');
  d.box('loc', 'rect', 420, 360, 150, 70, 'Location\nservice', 'service');
  d.box('redis', 'cyl', 660, 340, 140, 110, 'Driver locations\nRedis (GEO)', 'cache', { fontSize: 15 });
  d.box('pg', 'cyl', 660, 170, 130, 100, 'Trips DB\nPostgres', 'database');
  d.box('maps', 'rect', 660, 20, 160, 70, 'Maps / ETA\n(Google Maps API)', 'service', { fontSize: 15, strokeStyle: 'dashed' });
  d.box('kafka', 'rect', 880, 190, 120, 60, 'Kafka', 'message-queue', { bg: '#fff3bf' });
  d.box('pay', 'rect', 1080, 120, 130, 60, 'Payments', 'service');
  d.box('push', 'rect', 1080, 270, 150, 66, 'Notifications\n(APNs/FCM)', 'notification-service');
  d.arrow('rider', 'gw', { label: 'request ride' });
  d.arrow('driver', 'wss', { heads: 'both', label: 'location every 4s' });
  d.arrow('gw', 'match');
  d.arrow('gw', 'trip');
  d.arrow('wss', 'loc');
  d.arrow('loc', 'redis');
  d.arrow('match', 'redis', { via: [[600, 300]], label: 'nearby drivers' });
  d.arrow('match', 'maps');
  d.arrow('match', 'trip');
  d.arrow('trip', 'pg');
  d.arrow('trip', 'kafka', { via: [[610, 150], [940, 150]] });
  d.arrow('kafka', 'pay');
  d.arrow('kafka', 'push');
  d.arrow('push', 'driver', { bind: 'start', via: [[1155, 500], [34, 500]], short: 16 });
  d.arrow('match', 'wss', { bind: 'start', dashed: true, label: 'offer trip', via: [[380, 300]] });
  return d;
};
