import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('kafka-overview-basic', {
    description: 'A Kafka overview: three producers write to three brokers inside a "Kafka cluster" container, ZooKeeper beside it, and a consumer group of two consumers in its own container reads from the brokers.',
    style: ['product-names'], font: 2, fontSize: 18, roughness: 0, strokeWidth: 2,
  });
  d.box('p1', 'rect', 0, 0, 130, 56, 'Producer 1', 'producer', { bg: '#d0ebff' });
  d.box('p2', 'rect', 4, 110, 130, 56, 'Producer 2', 'producer', { bg: '#d0ebff' });
  d.box('p3', 'rect', 0, 224, 130, 56, 'Producer 3', 'producer', { bg: '#d0ebff' });
  d.container(250, -60, 240, 400, 'Kafka cluster', { bg: '#f8f9fa', fill: 'solid', strokeStyle: 'solid' });
  d.box('b1', 'rect', 290, -4, 160, 70, 'Broker 1', 'broker', { bg: '#ffe8cc' });
  d.box('b2', 'rect', 292, 104, 160, 70, 'Broker 2', 'broker', { bg: '#ffe8cc' });
  d.box('b3', 'rect', 288, 214, 160, 70, 'Broker 3', 'broker', { bg: '#ffe8cc' });
  d.box('zk', 'ellipse', 282, 420, 180, 84, 'ZooKeeper', 'service', { bg: '#e6fcf5' });
  d.container(600, 20, 220, 260, 'Consumer group A', { strokeStyle: 'dashed' });
  d.box('c1', 'rect', 636, 80, 150, 60, 'Consumer 1', 'consumer', { bg: '#d3f9d8' });
  d.box('c2', 'rect', 640, 188, 150, 60, 'Consumer 2', 'consumer', { bg: '#d3f9d8' });
  for (const p of ['p1', 'p2', 'p3']) d.arrow(p, 'b' + p[1]);
  d.arrow('b1', 'c1');
  d.arrow('b2', 'c1');
  d.arrow('b3', 'c2');
  d.arrow('b3', 'zk', { heads: 'both', dashed: true });
  d.text(0, -110, 'Kafka: the big picture', { kind: 'title', fontSize: 30 });
  return d;
};
