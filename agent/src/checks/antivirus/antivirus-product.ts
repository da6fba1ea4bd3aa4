import type { invigilator } from '@invigilator/shared/generated/invigilator.js';

export type AntivirusProduct = invigilator.v1.IAntivirusProduct;
