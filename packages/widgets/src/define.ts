// Registers every EPN widget's tag.
import './define/age-chart.js';
import './define/equipment-chart.js';
import './define/skill-chart.js';
import './define/budget-card.js';
import './define/key-figures.js';
import './define/reach-chart.js';
