import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('web-three-tier', {
    description: 'A classic three-tier web app in dashed containers: browser, DNS and a CloudFront CDN; Nginx as reverse proxy / load balancer; web tier (web servers) and app tier (two app servers); data tier with Memcached, a Postgres primary and a read replica.',
    style: ['product-names', 'multiline-labels'], font: 1, fontSize: 20, roughness: 1, strokeWidth: 1,
  });
  d.box('br', 'rect', 0, 160, 130, 64, 'Browser', 'client');
  d.box('dns', 'ellipse', 0, 0, 120, 70, 'DNS', 'service');
  d.box('cdn', 'rect', 200, -20, 180, 64, 'CloudFront CDN', 'cdn');
  d.box('ngx', 'rect', 200, 150, 180, 80, 'Nginx\n(reverse proxy / LB)', 'load-balancer', { fontSize: 17 });
  d.container(440, 40, 230, 300, 'Web tier');
  d.box('w', 'rect', 470, 140, 170, 80, 'Web server', 'web-server', { stack: { n: 3, dx: 10, dy: 10, text: 'front' } });
  d.container(720, 0, 230, 380, 'App tier');
  d.box('a1', 'rect', 750, 60, 170, 70, 'App server 1', 'api-server');
  d.box('a2', 'rect', 750, 230, 170, 70, 'App server 2', 'api-server');
  d.container(1000, -60, 260, 520, 'Data tier');
  d.box('mc', 'rect', 1040, -10, 170, 64, 'Memcached', 'cache');
  d.box('pgp', 'cyl', 1040, 110, 170, 120, 'Postgres\nprimary', 'database');
  d.box('pgr', 'cyl', 1040, 300, 170, 120, 'Postgres\nreplica', 'database');
  d.arrow('br', 'dns', { bind: 'both', dashed: true });
  d.arrow('br', 'cdn', { label: 'static' });
  d.arrow('br', 'ngx');
  d.arrow('ngx', 'w');
  d.arrow('w', 'a1');
  d.arrow('w', 'a2');
  d.arrow('a1', 'mc');
  d.arrow('a1', 'pgp');
  d.arrow('a2', 'pgp', { label: 'writes' });
  d.arrow('a2', 'pgr', { label: 'reads' });
  d.arrow('pgp', 'pgr', { label: 'replication', dashed: true });
  return d;
};
