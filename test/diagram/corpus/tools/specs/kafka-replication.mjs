import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('kafka-replication', {
    description: 'Kafka replication: a producer sends to the leader of partition 0 on broker 1, followers on brokers 2 and 3 fetch from it; each broker box holds partition replicas drawn inside it; a ZooKeeper box, and two consumers reading from the leader.',
    style: ['product-names', 'multiline-labels'], font: 1, fontSize: 18, roughness: 1, strokeWidth: 2,
  });
  d.box('prod', 'rect', -50, 160, 140, 64, 'Producer\n(acks=all)', 'producer');
  d.box('b1', 'rect', 200, 20, 200, 150, 'Broker 1', 'broker', { labelMode: 'above' });
  d.part('b1', 'rect', 216, 40, 168, 44, 'P0 (leader)', { bg: '#b2f2bb', fill: 'hachure' });
  d.part('b1', 'rect', 216, 104, 168, 44, 'P1 (follower)');
  d.box('b2', 'rect', 200, 240, 200, 150, 'Broker 2', 'broker', { labelMode: 'above' });
  d.part('b2', 'rect', 216, 262, 168, 44, 'P0 (follower)');
  d.part('b2', 'rect', 216, 326, 168, 44, 'P1 (leader)', { bg: '#b2f2bb', fill: 'hachure' });
  d.box('b3', 'rect', 200, 460, 200, 110, 'Broker 3', 'broker', { labelMode: 'above' });
  d.part('b3', 'rect', 216, 494, 168, 44, 'P0 (follower)');
  d.box('zk', 'rect', 540, -120, 170, 70, 'Zookeeper', 'service', { bg: '#e9ecef' });
  d.box('c1', 'rect', 560, 80, 140, 60, 'Consumer A', 'consumer');
  d.box('c2', 'rect', 566, 300, 140, 60, 'Consumer B', 'consumer');
  d.arrow('prod', 'b1');
  d.arrow('b2', 'b1', { label: 'fetch', dashed: true, aim: [0.2, 0.3] });
  d.arrow('b3', 'b1', { label: 'fetch', dashed: true, via: [[460, 515], [460, 140]] });
  d.arrow('b1', 'c1');
  d.arrow('b2', 'c2');
  d.arrow('b1', 'zk', { dashed: true, bind: 'start', heads: 'both' });
  d.text(560, 440, 'ISR = {1, 2, 3}\na write is committed once every\nin-sync replica has it', { kind: 'note', fontSize: 16 });
  return d;
};
