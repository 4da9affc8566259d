import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('game-leaderboard', {
    description: 'A game leaderboard: game clients behind an LB; the game service posts scores to an SQS queue consumed by a leaderboard service that keeps Redis sorted sets and writes scores to MySQL; labels split over lines.',
    style: ['product-names', 'abbreviations', 'multiline-labels', 'typos'], font: 3, fontSize: 16, roughness: 0, strokeWidth: 2,
  });
  d.box('gc', 'rect', 0, 60, 120, 70, 'Game\nclient', 'client', { bg: '#f3f0ff' });
  d.box('lb', 'rect', 180, 70, 70, 50, 'LB', 'load-balancer');
  d.box('gs', 'rect', 320, 50, 140, 90, 'Game\nservice', 'service', { stack: { n: 2, dx: 10, dy: 10, text: 'all' } });
  d.box('sqs', 'rect', 530, 60, 140, 60, 'score\nupdates (SQS)', 'message-queue');
  d.box('lbs', 'rect', 740, 50, 150, 80, 'Leaderbord\nservice', 'service');
  d.box('redis', 'cyl', 740, 220, 150, 110, 'Redis\n(sorted sets)', 'cache');
  d.box('mysql', 'cyl', 960, 40, 130, 110, 'MySQL\nscores', 'database');
  d.arrow('gc', 'lb');
  d.arrow('lb', 'gs');
  d.arrow('gs', 'sqs');
  d.arrow('sqs', 'lbs');
  d.arrow('lbs', 'redis', { label: 'ZINCRBY / ZREVRANGE' });
  d.arrow('lbs', 'mysql');
  d.arrow('gc', 'lbs', { label: 'GET /top10', via: [[60, -40], [815, -40]] });
  return d;
};
