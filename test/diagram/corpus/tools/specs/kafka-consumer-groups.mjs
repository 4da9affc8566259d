import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('kafka-consumer-groups', {
    description: 'Kafka consumer groups: a producer writes topic "orders" to two brokers drawn with their partitions inside; two consumer groups in frames; a group coordinator and the __consumer_offsets store where consumers commit offsets.',
    style: ['product-names', 'multiline-labels'], font: 3, fontSize: 16, roughness: 1, strokeWidth: 1,
  });
  d.box('prod', 'rect', -300, 120, 130, 60, 'Producer', 'producer');
  d.box('b1', 'rect', -80, 20, 190, 130, 'Broker 1', 'broker', { labelMode: 'above', labelGap: 4 });
  d.part('b1', 'rect', -66, 40, 160, 40, 'orders-P0', { rounded: false, bg: '#fff3bf', fill: 'solid' });
  d.part('b1', 'rect', -66, 94, 160, 40, 'orders-P1', { rounded: false, bg: '#fff3bf', fill: 'solid' });
  d.box('b2', 'rect', -76, 200, 190, 90, 'Broker 2', 'broker', { labelMode: 'above', labelGap: 4 });
  d.part('b2', 'rect', -62, 226, 160, 40, 'orders-P2', { rounded: false, bg: '#fff3bf', fill: 'solid' });
  d.frame(230, -40, 250, 340, 'group: billing');
  d.box('c1', 'rect', 270, 0, 150, 56, 'consumer 1', 'consumer');
  d.box('c2', 'rect', 272, 100, 150, 56, 'consumer 2', 'consumer');
  d.box('c3', 'rect', 268, 200, 150, 56, 'consumer 3', 'consumer');
  d.frame(230, 340, 250, 140, 'group: analytics');
  d.box('c4', 'rect', 270, 380, 150, 56, 'consumer 4', 'consumer');
  d.box('gc', 'diamond', 560, 60, 190, 130, 'Group\nCoordinator', 'group-coordinator');
  d.box('off', 'cyl', 570, 280, 180, 110, '__consumer_offsets', 'offset-store', { fontSize: 14 });
  d.arrow('prod', 'b1');
  d.arrow('prod', 'b2');
  d.arrow('b1', 'c1', { bind: 'start' });
  d.arrow('b1', 'c2', { bind: 'start' });
  d.arrow('b2', 'c3', { bind: 'start' });
  d.arrow('b1', 'c4', { bind: 'start', via: [[160, 400]] });
  d.arrow('c1', 'gc', { label: 'join / heartbeat', dashed: true });
  d.arrow('c2', 'off', { label: 'commit offset' });
  d.arrow('gc', 'off', { heads: 'both' });
  d.text(-300, 340, 'One partition is read by exactly one consumer of a group;\ngroups are independent of each other.', { kind: 'note', fontSize: 14 });
  return d;
};
