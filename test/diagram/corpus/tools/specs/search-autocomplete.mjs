import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('search-autocomplete', {
    description: 'Search autocomplete in two frames: the query service (user, LB, API servers, trie cache, trie DB in MongoDB) and the data gathering service (search logs in Kafka, aggregators, aggregated data, workers rebuilding the trie weekly).',
    style: ['product-names', 'abbreviations', 'typos'], font: 1, fontSize: 18, roughness: 1, strokeWidth: 2,
  });
  d.frame(-40, -60, 760, 320, 'Query service');
  d.box('u', 'person', 0, 40, 90, 0, 'user', 'client');
  d.box('lb', 'rect', 120, 60, 70, 56, 'LB', 'load-balancer');
  d.box('api', 'rect', 250, 46, 150, 80, 'API servers', 'api-server', { stack: { n: 2, dx: 10, dy: 10, text: 'front' } });
  d.box('tc', 'rect', 480, 0, 150, 60, 'Trie Cache', 'cache', { bg: '#ffc9c9' });
  d.box('tdb', 'cyl', 480, 110, 150, 110, 'Trie DB\n(MongoDB)', 'nosql-db');
  d.frame(-40, 320, 900, 260, 'Data gathering service');
  d.box('logs', 'rect', 0, 400, 160, 70, 'Search logs\n(Kafka)', 'message-queue', { bg: '#fff3bf' });
  d.box('agg', 'rect', 230, 400, 140, 70, 'Agregators', 'service');
  d.box('ad', 'cyl', 440, 380, 150, 110, 'Aggregated\ndata', 'database');
  d.box('wk', 'rect', 660, 400, 130, 70, 'Workers', 'service');
  d.arrow('u', 'lb', { label: 'q=din' });
  d.arrow('lb', 'api');
  d.arrow('api', 'tc');
  d.arrow('tc', 'tdb', { heads: 'both', label: 'weekly snapshot' });
  d.arrow('api', 'logs', { via: [[320, 290], [80, 290]], bind: 'start' });
  d.arrow('logs', 'agg');
  d.arrow('agg', 'ad');
  d.arrow('ad', 'wk');
  d.arrow('wk', 'tdb', { via: [[725, 165]] });
  return d;
};
