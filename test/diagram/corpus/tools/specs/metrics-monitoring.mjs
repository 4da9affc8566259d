import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('metrics-monitoring', {
    description: 'Metrics monitoring and alerting: metrics sources (web servers, a Redis cache cluster, a RabbitMQ cluster) in a container, a metrics collector (stacked), Kafka, stream consumers into an InfluxDB time-series DB, a query service, an alerting system sending email/PagerDuty, and a Grafana dashboard.',
    style: ['product-names', 'abbreviations', 'multiline-labels'], font: 2, fontSize: 16, roughness: 1, strokeWidth: 1,
  });
  d.container(-30, -40, 210, 380, 'Metrics sources', { strokeStyle: 'solid', bg: '#f8f9fa', fill: 'solid' });
  d.box('ws', 'rect', 0, 20, 150, 60, 'Web servers', 'web-server');
  d.box('cc', 'rect', 0, 130, 150, 66, 'Cache cluster\n(Redis)', 'cache');
  d.box('qc', 'rect', 0, 240, 150, 66, 'Queue cluster\n(RabbitMQ)', 'message-queue');
  d.box('col', 'rect', 260, 120, 140, 80, 'Metrics\ncollector', 'service', { stack: { n: 3, dx: 10, dy: -10, text: 'front' } });
  d.box('kafka', 'rect', 470, 130, 110, 60, 'Kafka', 'message-queue', { bg: '#fff3bf' });
  d.box('cons', 'rect', 640, 120, 140, 80, 'Consumers\n(Flink)', 'consumer');
  d.box('tsdb', 'cyl', 850, 100, 150, 120, 'Time-series DB\n(InfluxDB)', 'database', { fontSize: 15 });
  d.box('qs', 'rect', 860, 300, 130, 60, 'Query service', 'service');
  d.box('alert', 'rect', 640, 380, 150, 64, 'Alerting system', 'notification-service', { bg: '#ffc9c9' });
  d.box('pd', 'rect', 420, 380, 150, 64, 'Email /\nPagerDuty', 'notification-service', { strokeStyle: 'dashed' });
  d.box('graf', 'rect', 1080, 300, 150, 64, 'Grafana\ndashboard', 'client');
  d.arrow('ws', 'col', { label: 'pull', dashed: true });
  d.arrow('cc', 'col', { dashed: true });
  d.arrow('qc', 'col', { dashed: true });
  d.arrow('col', 'kafka');
  d.arrow('kafka', 'cons');
  d.arrow('cons', 'tsdb');
  d.arrow('qs', 'tsdb');
  d.arrow('alert', 'qs');
  d.arrow('alert', 'pd');
  d.arrow('graf', 'qs');
  d.text(-30, 420, 'Alert rules in YAML, evaluated every 1 min;\ndashboards refresh every 10 s.', { kind: 'note', fontSize: 14 });
  return d;
};
