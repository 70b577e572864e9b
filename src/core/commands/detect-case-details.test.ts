import { describe, expect, it } from 'vitest';
import { detectCaseDetails, detectPersonalData } from './detect-case-details.ts';

describe('detectCaseDetails', () => {
  it.each([
    ['Jane Smith 12/03/2015 neglect', ['date of birth']],
    ['child dob 3.4.19', ['date of birth']],
    ['NHS number 943 476 5919 missed appointments', ['NHS number']],
    ['lives at 14 Acacia Avenue, worries about neglect', ['address']],
    ['family in SE15 4QT', ['address']],
    ['call mum on 07700 900123', ['phone number']],
  ])('flags %j', (text, details) => {
    expect(detectCaseDetails(text)).toEqual(details);
  });

  it.each([
    'lessons on chronologies',
    'MARAC threshold 14 ticks',
    'since:2015 neglect',
    'section 47 enquiries',
    '1234567890 is not a valid NHS number',
    'under 18 parents',
  ])('leaves %j alone', (text) => {
    expect(detectCaseDetails(text)).toEqual([]);
  });
});

describe('detectPersonalData: case details, and names given with a role', () => {
  it.each([
    'Sarah Peel, Manager of the Local Safeguarding Children’s Board, gave the presentation',
    'a statement by Sarah Baker, CSCB Independent Chair',
    'the health visitor, Jo Bloggs, visited',
    'Mrs Smith told the school',
  ])('flags %j', (text) => {
    expect(detectPersonalData(text)).toContain('name with a role');
  });

  it.each([
    'Mr A and Ms B were not seen together',
    'the mother told the health visitor',
    'Practitioners and managers must equip themselves',
    'lessons on Baby Peter',
  ])('leaves %j alone', (text) => {
    expect(detectPersonalData(text)).toEqual([]);
  });

  it('questions are not checked for names: people ask about reviews by name', () => {
    expect(detectCaseDetails('Mrs Smith and the social worker')).toEqual([]);
  });
});
