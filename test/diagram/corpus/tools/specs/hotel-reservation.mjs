import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('hotel-reservation', {
    description: 'Hotel reservation: guests and hotel staff, a CDN, a public API gateway and an internal API; hotel, rate, reservation, payment and hotel management services with hotel, rate and reservation DBs and a Redis hotel cache; services and stores coloured by kind, with a legend.',
    style: ['product-names', 'multiline-labels'], font: 5, fontSize: 16, roughness: 1, strokeWidth: 2,
  });
  d.box('user', 'person', 0, 60, 90, 0, 'Guest', 'client');
  d.box('staff', 'person', 0, 400, 90, 0, 'Hotel staff', 'client');
  d.box('cdn', 'rect', 120, -100, 100, 56, 'CDN', 'cdn');
  d.box('pgw', 'rect', 120, 70, 140, 70, 'Public API\nGateway', 'gateway', { bg: '#e5dbff' });
  d.box('iapi', 'rect', 120, 410, 140, 70, 'Internal API', 'api-server', { bg: '#e5dbff' });
  d.box('hs', 'rect', 360, -40, 150, 56, 'Hotel Service', 'service', { bg: '#a5d8ff' });
  d.box('rs', 'rect', 360, 60, 150, 56, 'Rate Service', 'service', { bg: '#a5d8ff' });
  d.box('res', 'rect', 360, 160, 170, 56, 'Reservation Service', 'service', { bg: '#a5d8ff' });
  d.box('pay', 'rect', 360, 260, 150, 56, 'Payment Service', 'service', { bg: '#a5d8ff' });
  d.box('hms', 'rect', 360, 410, 170, 70, 'Hotel Management\nService', 'service', { bg: '#a5d8ff' });
  d.box('hc', 'rect', 620, -120, 130, 56, 'Hotel Cache', 'cache', { bg: '#ffc9c9' });
  d.box('hdb', 'cyl', 620, -30, 130, 90, 'Hotel DB', 'database', { bg: '#b2f2bb', lid: 16 });
  d.box('rdb', 'cyl', 620, 80, 130, 90, 'Rate DB', 'database', { bg: '#b2f2bb', lid: 16 });
  d.box('rsdb', 'cyl', 620, 190, 150, 90, 'Reservation DB', 'database', { bg: '#b2f2bb', lid: 16 });
  d.arrow('user', 'cdn', { bind: 'start' });
  d.arrow('user', 'pgw');
  d.arrow('staff', 'iapi');
  for (const s of ['hs', 'rs', 'res', 'pay']) d.arrow('pgw', s);
  d.arrow('iapi', 'hms');
  d.arrow('hs', 'hc');
  d.arrow('hs', 'hdb');
  d.arrow('rs', 'rdb');
  d.arrow('res', 'rsdb');
  d.arrow('pay', 'rsdb', { bind: 'start' });
  d.arrow('hms', 'hdb', { via: [[800, 445], [800, 15]], bind: 'start', short: 8 });
  d.noteBox(820, 300, 170, 110, 'blue = service\nred = cache\ngreen = database', { legend: true, bg: '#f8f9fa' });
  return d;
};
