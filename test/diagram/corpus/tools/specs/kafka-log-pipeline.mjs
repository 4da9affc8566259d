import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('kafka-log-pipeline', {
    description: 'A log pipeline around Kafka: Nginx web servers, a Fluentd producer on each, a Kafka cluster of brokers (stacked cards) with Zookeeper, Logstash consumers into Elasticsearch and Kibana for the analyst, and an S3 sink connector archiving to S3.',
    style: ['product-names', 'multiline-labels'], font: 2, fontSize: 16, roughness: 0, strokeWidth: 1,
  });
  d.box('web', 'rect', 0, 100, 150, 70, 'Nginx\nweb servers', 'web-server', { stack: { n: 3, dx: -10, dy: 10, text: 'front' } });
  d.box('fl', 'rect', 210, 104, 130, 62, 'Fluentd\n(producer)', 'producer', { bg: '#e7f5ff' });
  d.box('kafka', 'rect', 420, 90, 160, 90, 'Kafka brokers', 'broker', { stack: { n: 3, dx: 12, dy: -12, text: 'all' }, bg: '#fff4e6' });
  d.box('zk', 'rect', 440, -60, 120, 50, 'Zookeeper', 'service');
  d.box('ls', 'rect', 680, 40, 150, 60, 'Logstash\nconsumers', 'consumer', { bg: '#ebfbee' });
  d.box('s3c', 'rect', 680, 200, 150, 60, 'S3 sink\nconnector', 'consumer', { bg: '#ebfbee' });
  d.box('es', 'cyl', 900, 20, 150, 110, 'Elasticsearch', 'nosql-db');
  d.box('s3', 'cyl', 904, 190, 140, 100, 'S3 archive', 'blob-store');
  d.box('kib', 'rect', 1120, 40, 110, 60, 'Kibana', 'web-server');
  d.box('an', 'person', 1300, 20, 90, 0, 'analyst', 'client');
  d.arrow('web', 'fl', { label: 'tail logs' });
  d.arrow('fl', 'kafka');
  d.arrow('kafka', 'zk', { bind: 'start', dashed: true });
  d.arrow('kafka', 'ls');
  d.arrow('kafka', 's3c');
  d.arrow('ls', 'es');
  d.arrow('s3c', 's3');
  d.arrow('kib', 'es', { label: 'query' });
  d.arrow('an', 'kib', { bind: 'end' });
  d.text(0, -120, 'Logging pipeline', { kind: 'title', fontSize: 28 });
  return d;
};
